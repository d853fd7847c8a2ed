import "server-only";
import { personLabel } from "@/lib/people/person-label";
import type { Scope } from "../scope";
import { accountScopeWhere } from "../scope";
import { containsTextAnyCase } from "../same-text";
import { dbFor } from "../tenant";

export const PERSON_MATCH_LIMIT = 15;

export interface PersonChoice {
  id: string;
  /** The name, with the company in brackets when known (two "Sato"s of two companies). */
  name: string;
}

/**
 * The person pickers of the edit forms (a login's owner, a device's holder, Ads access, a duplicate to
 * merge): people whose name, company or e-mail contains the text, names that start with it first. A
 * Manager or Viewer finds only people holding a login on their own clients' accounts, as the pages
 * show them (decision 015); another organisation's people never.
 */
export async function searchPeople(scope: Scope, text: string, limit = PERSON_MATCH_LIMIT): Promise<PersonChoice[]> {
  const q = text.trim();
  const visible = scope.clientIds === null ? {} : { logins: { some: { account: accountScopeWhere(scope) } } };
  // "%" or "_" typed is looked for as itself, not as a pattern matching every person.
  const contains = containsTextAnyCase(q);
  const rows = await dbFor(scope).person.findMany({
    where: { orgId: scope.orgId, ...visible, ...(q ? { OR: [{ name: contains }, { company: contains }, { email: contains }] } : {}) },
    select: { id: true, name: true, company: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    // Enough to put names that start with the text first among the ones shown.
    take: limit * 4,
  });
  const folded = q.toLocaleLowerCase("en");
  const starts = (name: string) => (q && name.toLocaleLowerCase("en").startsWith(folded) ? 0 : 1);
  return rows
    .sort((a, b) => starts(a.name) - starts(b.name))
    .slice(0, limit)
    .map((p) => ({ id: p.id, name: personLabel(p.name, p.company) }));
}
