import { withoutInvisibleCharacters } from "@/lib/validation/invisible-characters";

// Two records typed for one human are the commonest mistake in a people list ("山田 一郎" added from an
// account page and again from /people). Names are compared as a reader would: NFKC (full-width letters and
// the ideographic space fold to their plain forms), case-folded, spaces dropped: a Japanese name is typed as
// often with a space between family and given name as without one ("山田一郎", "山田 一郎"). The check asks
// rather than refuses, so a false match costs one tick.

/** The form of a name two same-named people share. */
export function personNameKey(name: string): string {
  // Invisible characters out too: "Probe Owner\u200B", stored before names refused them, is Probe Owner (decision 101).
  return withoutInvisibleCharacters(name).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/**
 * Whether the user confirmed adding this name although others have it: the tick counts only for the name it was
 * asked about. Ticked for "山田 一郎", then edited to "佐藤 花子" (also taken), the form must ask about 佐藤 again.
 */
export function sameNameConfirmed(name: string, confirmation: { confirmSameName: boolean; sameNameAsked: string | null }): boolean {
  return confirmation.confirmSameName && confirmation.sameNameAsked !== null && personNameKey(confirmation.sameNameAsked) === personNameKey(name);
}

export interface SameNamedPerson {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  /** UTC day the record was made. */
  createdOn: string;
}

/** The people already there, each with what tells them apart (company, e-mail, the day they were added). */
export function sameNamedList(people: readonly SameNamedPerson[]): string {
  return people.map((p) => `${p.name} (${[p.company, p.email, p.createdOn].filter(Boolean).join(", ")})`).join("; ");
}
