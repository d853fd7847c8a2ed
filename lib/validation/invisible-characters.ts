// Names are what people tell records apart by (a client in a select, a person in the picker, a token in the revoke
// confirmation), and what the "same name" checks compare. A zero-width space, a bidi mark, a soft hyphen or a word
// joiner shows as nothing, so "Probe Acme" and "Probe Acme\u200B" looked identical and were both created
// (new-user pass 45, M1; decisions 095 and 101). Text-direction overrides were already refused as control characters
// (text-rules.ts CONTROL_CLASS); every other format character (Unicode category Cf) and the Hangul fillers, which
// render as blank letters, are refused in names too. Zod-free: the snapshot's bulk check and the browser use it.

/**
 * What shows as nothing: every format character (Cf: U+00AD soft hyphen, U+061C, U+180E, U+200B–U+200F, U+2060–U+2064,
 * U+FEFF, the bidi embeddings and isolates, tag characters …) and the Hangul fillers (Lo, drawn as blank).
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;
/**
 * Where an invisible character is part of what is seen: a zero-width joiner between two emoji ("👩‍💻" is one picture)
 * and the tag characters of a subdivision flag (🏴 + tags + cancel tag, "🏴󠁧󠁢󠁥󠁮󠁧󠁿"). These are kept. The joiner's neighbours are
 * pictographs ("❤️‍🔥" too), and at each joiner one of them at least is drawn as an emoji (Emoji_Presentation, a skin
 * tone or U+FE0F; see joinsEmoji): © ® ™ ‼ are pictographs drawn as text, and "™\u200D™" shows as "™™" (decision 104).
 */
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)+|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const DRAWN_AS_EMOJI = /\p{Emoji_Presentation}|\uFE0F|\p{Emoji_Modifier}/u;
/** Whether each joiner of an emoji sequence stands beside an emoji drawn as one (a flag's tags are always kept). */
const joinsEmoji = (sequence: string): boolean => {
  const parts = sequence.split("\u200D");
  return parts.slice(1).every((part, i) => DRAWN_AS_EMOJI.test(parts[i]) || DRAWN_AS_EMOJI.test(part));
};

/**
 * The scripts whose spelling uses the zero-width non-joiner and joiner (decision 104): the joining scripts (Arabic —
 * Persian "كتاب‌خانه" —, Syriac, Thaana, N'Ko, Mandaic, Mongolian, Adlam, Hanifi Rohingya) and the Indic and
 * Brahmic ones, where they choose a conjunct's or a half form's shape (Devanagari to Malayalam, Sinhala, Tibetan,
 * Myanmar, Khmer). Script_Extensions, so the marks these scripts share (Arabic's vowel signs) count.
 */
const JOINING_SCRIPT =
  "\\p{scx=Arabic}\\p{scx=Syriac}\\p{scx=Thaana}\\p{scx=Nko}\\p{scx=Mandaic}\\p{scx=Mongolian}\\p{scx=Adlam}\\p{scx=Hanifi_Rohingya}" +
  "\\p{scx=Devanagari}\\p{scx=Bengali}\\p{scx=Gurmukhi}\\p{scx=Gujarati}\\p{scx=Oriya}\\p{scx=Tamil}\\p{scx=Telugu}\\p{scx=Kannada}" +
  "\\p{scx=Malayalam}\\p{scx=Sinhala}\\p{scx=Tibetan}\\p{scx=Myanmar}\\p{scx=Khmer}";
/** A letter or mark of one of those scripts. */
const JOINING_LETTER = `(?=[\\p{L}\\p{M}])[${JOINING_SCRIPT}]`;
/** A non-joiner or joiner between two such letters or marks: part of the word's spelling, kept. Anywhere else refused. */
const JOINER_IN_WORD = new RegExp(`(?<=${JOINING_LETTER})[\\u200C\\u200D](?=${JOINING_LETTER})`, "gu");

/**
 * The first invisible character of a name: its place counted in characters from 1 — code points, so "𠮷" is one and an
 * emoji built of three ("👩‍💻") is three — and its code ("U+200B"), which says which it is when nothing shows.
 */
export interface InvisibleCharacter {
  position: number;
  code: string;
}

/** Fast answer for the snapshot's bulk check (millions of names): nothing at or above U+00AD is nothing to look at. */
function mayHoldInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xad) return INVISIBLE.test(text);
  return false;
}

export function firstInvisibleCharacter(text: string): InvisibleCharacter | null {
  if (!mayHoldInvisible(text)) return null;
  // Emoji sequences and a word's joiners blanked with as many code points, so a position stays the position in `text`.
  const seen = text
    .replace(EMOJI_SEQUENCE, (sequence) => (joinsEmoji(sequence) ? "x".repeat([...sequence].length) : sequence))
    .replace(JOINER_IN_WORD, "x");
  let position = 0;
  for (const character of seen) {
    position++;
    if (INVISIBLE.test(character)) return { position, code: `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` };
  }
  return null;
}

const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, "gu");
/**
 * `text` without any invisible character, for the "same name" keys only (clientNameKey, personNameKey): a name stored
 * before they were refused ("Probe Acme\u200B") still meets "Probe Acme" there, so no new twin of it is made. Every one,
 * also a non-joiner the refusal keeps as spelling (decision 104): "كتاب‌خانه" and "كتابخانه" are one word to a reader, so
 * one name to compare; this folds, it never refuses, and the stored name keeps its character.
 */
export const withoutInvisibleCharacters = (text: string): string => text.replace(EVERY_INVISIBLE, "");

/**
 * The same characters as INVISIBLE (what withoutInvisibleCharacters folds out), as a PostgreSQL regular expression's
 * bracket (its `\u`/`\U` escapes), for a statement that folds names as the keys do (the person same-name look-up).
 * Listed, since PostgreSQL knows no \p{Cf}; invisible-characters.test.ts holds the list, and
 * lib/db/invisible-sql-class.int.test.ts PostgreSQL's reading of it, equal to INVISIBLE over every code point.
 */
export const INVISIBLE_SQL_CLASS =
  "[\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890-\\u0891\\u08e2\\u115f-\\u1160\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb" +
  "\\U000110bd\\U000110cd\\U00013430-\\U0001343f\\U0001bca0-\\U0001bca3\\U0001d173-\\U0001d17a\\U000e0001\\U000e0020-\\U000e007f]";

/** Whether a name is free of invisible characters (firstInvisibleCharacter is null). */
export const hasNoInvisibleCharacter = (text: string): boolean => firstInvisibleCharacter(text) === null;

/** The forms' key for a name holding one; the form fills in where (INVISIBLE_CHARACTER_AT, from what was typed). */
export const INVISIBLE_CHARACTER_KEY = "validation.invisibleChar";
/** Its sentence with `{position}` and `{code}`, filled in by the form that knows the typed value (as too-long's is). */
export const INVISIBLE_CHARACTER_AT = "validation.invisibleCharAt";

/** The snapshot's and CLI's English wording, with the place: "invisible character U+200B at position 11 …". */
export const invisibleCharacterMessage = ({ position, code }: InvisibleCharacter): string =>
  `invisible character ${code} at position ${position}: names may not hold zero-width or formatting characters (they make two names look the same); delete it`;
