import { describe, expect, it } from "vitest";
import { personNameKey } from "@/lib/people/same-name";
import { createClientSchema } from "./clients";
import { firstInvisibleCharacter, hasNoInvisibleCharacter } from "./invisible-characters";
import { clientNameKey } from "./record-identity";

// Review 45b, L2 (decision 104): the zero-width non-joiner and joiner are spelling in the joining and Indic scripts
// (Persian "كتاب‌خانه", a Devanagari half form, Sinhala's yansaya), and were refused there. They are kept between two
// letters or marks of such a script and refused anywhere else; a joiner in an emoji sequence needs an emoji drawn as one.

/** Names that must be accepted: each was refused before decision 104. */
const SPELLED_WITH_JOINERS = [
  "كتاب\u200Cخانه", // Persian: library
  "می\u200Cخواهم", // Persian: I want
  "كتاب\u200Cخانه\u064Cی", // after an Arabic vowel sign (a mark shared by scripts)
  "ܫܠܡ\u200Cܐ", // Syriac
  "ᠮᠣ\u200Dᠩ", // Mongolian
  "क्\u200Dष", // Devanagari half form
  "कि\u200Cताब", // Devanagari, non-joiner
  "র্\u200Dয", // Bengali ya-phala
  "ශ්\u200Dරී", // Sinhala yansaya
  "ന്\u200Dറ", // Malayalam
  "Kitab Store كتاب\u200Cخانه",
];

/** [name, position of the refused character]: joiners outside such a word, and joiners between text-drawn pictographs. */
const REFUSED: [string, number][] = [
  ["Probe Acme\u200B", 11],
  ["nightly\u200D", 8],
  ["Probe\u200DAcme", 6],
  ["a\u200Cb", 2],
  ["كتاب\u200C", 5],
  ["\u200Cكتاب", 1],
  ["ك\u200Ca", 2],
  ["١\u200C٢", 2], // Arabic-Indic digits are not letters
  ["क\u200Bष", 2], // a zero-width space is never spelling
  ["™\u200D™", 2],
  ["©\u200D®", 2],
  ["‼\u200D‼", 2],
];

/** Emoji sequences that stay accepted. */
const EMOJI = ["👩\u200D💻", "❤️\u200D🔥", "❤\u200D🔥", "🏳️\u200D🌈", "👨\u200D👩\u200D👧", "🐻\u200D❄️", "👩🏽\u200D💻 ops", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} UK"];

describe("zero-width joiners where they are spelling (decision 104)", () => {
  it.each(SPELLED_WITH_JOINERS)("accepts %j", (name) => {
    expect(firstInvisibleCharacter(name)).toBeNull();
    expect(createClientSchema.safeParse({ name }).success).toBe(true);
  });

  it.each(REFUSED)("refuses %j at %i", (name, position) => {
    expect(firstInvisibleCharacter(name)?.position).toBe(position);
    expect(createClientSchema.safeParse({ name }).success).toBe(false);
  });

  it.each(EMOJI)("keeps the emoji sequence %j", (name) => {
    expect(hasNoInvisibleCharacter(name)).toBe(true);
  });

  it("the same-name keys still fold them out: a name with and without its non-joiner is one name to compare", () => {
    expect(clientNameKey("كتاب\u200Cخانه")).toBe(clientNameKey("كتابخانه"));
    expect(personNameKey("क्\u200Dष")).toBe(personNameKey("क्ष"));
  });
});
