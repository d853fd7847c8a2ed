import { describe, expect, it } from "vitest";
import { parseTokenArgs } from "@/lib/cli/token-create";
import { invisibleCharacterSentence } from "@/lib/forms/invisible-character";
import { describeSnapshotError } from "@/lib/i18n/snapshot-errors";
import { translatorFor } from "@/lib/i18n/per-locale";
import { personNameKey } from "@/lib/people/same-name";
import { createAccountSchema, updateAccountSchema } from "./account-form";
import { createSavedViewSchema } from "./accounts";
import { createApiTokenSchema } from "./api-tokens";
import { snapshotUpsertQuerySchema } from "./api";
import { createClientSchema } from "./clients";
import { firstInvisibleCharacter, INVISIBLE_CHARACTER_AT, INVISIBLE_CHARACTER_KEY, INVISIBLE_SQL_CLASS, withoutInvisibleCharacters } from "./invisible-characters";
import { acceptInvitationSchema } from "./members";
import { createPersonSchema, saveDeviceSchema, updatePersonSchema } from "./person-form";
import { NAME_MAX_LENGTH } from "./record-fields";
import { clientNameKey } from "./record-identity";
import { newOrganisationSchema } from "./setup";
import { parseSnapshot } from "./snapshot";
import { validSnapshotInPlace } from "./snapshot-fast";
import { TEXT_LIMITS } from "./text";

// New-user pass 45, M1: "Probe Acme" and "Probe Acme\u200B" were both created, and looked the same everywhere (decision 101).

/** Each of these shows as nothing (or as a blank letter) between "Probe" and "Acme". */
const INVISIBLES = ["\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\uFEFF", "\u00AD", "\u180E", "\u061C", "\u2066", "\u202A", "\u3164", "\uFFA0", "\u{E0041}"];
/** Names the rule must keep: scripts, combining marks, emoji sequences whose joiners are part of the picture. */
const VISIBLE = ["山田 花子", "👩🏽‍💻 ops", "ｻｸﾗ茶 株式会社", "e\u0301cole", "مرحبا", "👩‍💻 ops", "❤️ shop", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 UK Store", "👍🏽 Team", "\u{1F1EF}\u{1F1F5} Kumo", "葛\u{E0100}飾"];

describe("invisible characters in names", () => {
  it("finds the first one, counting characters (code points) from 1", () => {
    expect(firstInvisibleCharacter("Probe Acme\u200B")).toEqual({ position: 11, code: "U+200B" });
    expect(firstInvisibleCharacter("Probe\u200FAcme")).toEqual({ position: 6, code: "U+200F" });
    // Counted in code points: an emoji of three ("👩‍💻") counts three, as a surrogate pair counts one.
    expect(firstInvisibleCharacter("👩‍💻\u00ADops")).toEqual({ position: 4, code: "U+00AD" });
    expect(firstInvisibleCharacter("𠮷\u200B")).toEqual({ position: 2, code: "U+200B" });
    expect(firstInvisibleCharacter("a\u{E0041}")).toEqual({ position: 2, code: "U+E0041" });
    for (const c of INVISIBLES) expect(firstInvisibleCharacter(`Probe${c}Acme`), escape(c)).toMatchObject({ position: 6 });
    for (const name of VISIBLE) expect(firstInvisibleCharacter(name), name).toBeNull();
    // A joiner not between two emoji is refused: "x\u200Dy" reads as "xy".
    expect(firstInvisibleCharacter("x\u200Dy")).toEqual({ position: 2, code: "U+200D" });
  });

  it("every name form refuses one, with the key whose sentence names the place", () => {
    const name = "Probe Acme\u200B";
    const refusals: [string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, Record<string, string>, string][] = [
      ["client", createClientSchema, { name }, "name"],
      ["person", createPersonSchema, { name, email: "", company: "", external: "no", departedAt: "" }, "name"],
      ["person's company", updatePersonSchema, { personId: "p", version: "1", name: "Sato", email: "", company: name, external: "no", departedAt: "" }, "company"],
      ["store", createAccountSchema, { storeName: name, sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "ACTIVE", clientId: "" }, "storeName"],
      ["API token", createApiTokenSchema, { name: "nightly\u200B", scope: "read", expiresOn: "" }, "name"],
      ["saved view", createSavedViewSchema, { name, query: "" }, "name"],
      ["organisation", newOrganisationSchema, { orgName: name, locale: "ja" }, "orgName"],
      ["member's name", acceptInvitationSchema, { token: "t".repeat(20), name, password: "correct horse battery", confirmPassword: "correct horse battery" }, "name"],
      ["device", saveDeviceSchema, { personId: "p", version: "1", deviceId: "", kind: "PHONE", label: "Sato\u2060 iPhone", holderId: "", skipOtpOnBrowser: "no" }, "label"],
    ];
    for (const [what, schema, input, field] of refusals) {
      const issues = schema.safeParse(input).error?.issues ?? [];
      expect(issues.filter((i) => String(i.path[0]) === field).map((i) => i.message), what).toEqual([INVISIBLE_CHARACTER_KEY]);
    }
    // The same names without the character pass (the forms check nothing else new).
    expect(createClientSchema.safeParse({ name: "Probe Acme" }).success).toBe(true);
    expect(createApiTokenSchema.safeParse({ name: "👩‍💻 nightly", scope: "read", expiresOn: "" }).success).toBe(true);
  });

  it("the form's sentence says where, in both languages; another key or a clean value says the plain refusal", () => {
    const ja = translatorFor("ja")(INVISIBLE_CHARACTER_AT);
    const en = translatorFor("en")(INVISIBLE_CHARACTER_AT);
    expect(invisibleCharacterSentence(INVISIBLE_CHARACTER_KEY, en, "Probe Acme\u200B")).toBe(
      "Invisible character at position 11 (U+200B): delete it. Names may not hold zero-width or formatting characters, which make two names look the same.",
    );
    expect(invisibleCharacterSentence(INVISIBLE_CHARACTER_KEY, ja, "Probe Acme\u200B")).toMatch(/^11文字目に見えない文字（U\+200B）があります。/);
    expect(invisibleCharacterSentence("validation.tooLong", en, "Probe Acme\u200B")).toBeUndefined();
    expect(invisibleCharacterSentence(INVISIBLE_CHARACTER_KEY, en, "Probe Acme")).toBeUndefined();
  });

  it("the snapshot refuses one in a name by its JSON path, in both paths (zod and the bulk check), and says where", () => {
    const doc = {
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p1", name: "Probe Owner\u200B" }],
      accounts: [{ id: "a", storeName: "Kumo\u2060 Store", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE" }],
    };
    expect(validSnapshotInPlace(structuredClone(doc))).toBeNull();
    const result = parseSnapshot(structuredClone(doc));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ["people[0].name", { key: "invisibleChar", vars: { position: 12, code: "U+200B" } }],
      ["accounts[0].storeName", { key: "invisibleChar", vars: { position: 5, code: "U+2060" } }],
    ]);
    expect(errors[0].message).toMatch(/^invisible character U\+200B at position 12/);
    expect(describeSnapshotError(errors[0], translatorFor("en"))).toMatch(/^invisible character at position 12 \(U\+200B\)/);
    expect(describeSnapshotError(errors[0], translatorFor("ja"))).toMatch(/^12文字目に見えない文字（U\+200B）があります。/);
    // Ids are not names: an id keeps what it was given.
    const idOnly = { format: "gatehouse.snapshot/v1", accounts: [{ id: "a\u200B", storeName: "Kumo", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE" }] };
    expect(parseSnapshot(structuredClone(idOnly)).ok).toBe(true);
    expect(validSnapshotInPlace(structuredClone(idOnly))).not.toBeNull();
    // An emoji's joiner is part of the name.
    const emoji = { format: "gatehouse.snapshot/v1", accounts: [{ id: "a", storeName: "👩‍💻 Store", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE" }] };
    expect(parseSnapshot(structuredClone(emoji)).ok).toBe(true);
    expect(validSnapshotInPlace(structuredClone(emoji))).not.toBeNull();
  });

  it("the API's upsert client and the CLI's token name refuse one too", () => {
    const refused = snapshotUpsertQuerySchema.safeParse({ client: "Probe Acme\u200B" });
    expect(refused.error?.issues.map((i) => [i.message, (i as { params?: unknown }).params])).toEqual([[INVISIBLE_CHARACTER_AT, { vars: { position: 11, code: "U+200B" } }]]);
    expect(snapshotUpsertQuerySchema.safeParse({ client: "Probe Acme" }).success).toBe(true);
    // A text-direction override is refused once, as the control character it is (it had two problems at one path).
    expect(snapshotUpsertQuerySchema.safeParse({ client: "\u202Enot an id" }).error?.issues).toHaveLength(1);
    expect(parseTokenArgs(["create", "--org", "Kaede", "--name", "nightly\u200B", "--scope", "read"])).toEqual({
      error: expect.stringMatching(/^--name: invisible character U\+200B at position 8: /),
    });
  });

  it("names stored before the rule meet their visible twin in the same-name keys", () => {
    expect(clientNameKey("Probe Acme\u200B")).toBe(clientNameKey("Probe Acme"));
    expect(clientNameKey("Probe\u200FAcme")).toBe(clientNameKey("ProbeAcme"));
    expect(personNameKey("Probe Owner\u200B")).toBe(personNameKey("Probe Owner"));
    expect(withoutInvisibleCharacters("a\u00ADb\uFEFFc")).toBe("abc");
  });

  it("the SQL bracket lists exactly the characters the same-name keys fold out", () => {
    const ranges = [...INVISIBLE_SQL_CLASS.slice(1, -1).matchAll(/\\(?:u([0-9a-f]{4})|U([0-9a-f]{8}))(?:-\\(?:u([0-9a-f]{4})|U([0-9a-f]{8})))?/g)].map((m) => {
      const from = parseInt(m[1] ?? m[2], 16);
      return [from, m[3] ?? m[4] ? parseInt(m[3] ?? m[4], 16) : from];
    });
    const inSql = (c: number) => ranges.some(([a, b]) => c >= a && c <= b);
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (withoutInvisibleCharacters(s) === "" !== inSql(c)) expect.fail(`U+${c.toString(16)}`);
    }
  });

  it("M5: a name's form limit is the snapshot's (one constant): a 150-character imported store name passes an edit of its status", () => {
    expect(NAME_MAX_LENGTH).toBe(TEXT_LIMITS.name);
    const storeName = "長".repeat(150);
    const edit = { accountId: "a", version: "3", storeName, sellerId: "", region: "JP", marketplaces: "JP", plan: "PROFESSIONAL", status: "SUSPENDED", clientId: "" };
    expect(updateAccountSchema.safeParse(edit).success).toBe(true);
    const person = { personId: "p", version: "1", name: "N".repeat(150), email: "", company: "C".repeat(150), external: "no", departedAt: "" };
    expect(updatePersonSchema.safeParse(person).success).toBe(true);
    expect(updatePersonSchema.safeParse({ ...person, name: "N".repeat(TEXT_LIMITS.name + 1) }).success).toBe(false);
  });
});
