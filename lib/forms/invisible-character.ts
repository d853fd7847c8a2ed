import { interpolate } from "@/lib/i18n/format";
import { firstInvisibleCharacter, INVISIBLE_CHARACTER_KEY } from "@/lib/validation/invisible-characters";

/**
 * What a name refused for an invisible character says: where it is and which, "Invisible character at position 11
 * (U+200B)", found in what was typed (as too-long's sentence counts it, lib/forms/too-long.ts). Undefined when the key
 * is another or the value holds none; the form then says the plain refusal. Counted in characters from 1, as typed.
 */
export function invisibleCharacterSentence(key: string | undefined, template: string | undefined, value: string | undefined): string | undefined {
  if (key !== INVISIBLE_CHARACTER_KEY || template === undefined || value === undefined) return undefined;
  const found = firstInvisibleCharacter(value);
  return found ? interpolate(template, { ...found }) : undefined;
}
