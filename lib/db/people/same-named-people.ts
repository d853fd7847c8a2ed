import "server-only";
import { AppError } from "@/lib/errors";
import { INVISIBLE_SQL_CLASS } from "@/lib/validation/invisible-characters";
import { personNameKey, sameNameConfirmed, sameNamedList, type SameNamedPerson } from "@/lib/people/same-name";
import type { Db, Tx } from "../client";
import type { Scope } from "../scope";
import { personVisibility, SCOPED_ACCOUNTS, scopeParams } from "./people-sql";

const SHOWN = 5;

/**
 * People of the organisation, visible to the caller, whose name is `name` as personNameKey compares them.
 * PostgreSQL folds the stored names and the new one alike (normalize NFKC, lower, spaces dropped; both through the
 * same lower(), which in a C-locale database folds ASCII only), and each row is checked again here so the two
 * foldings can never disagree into a false match. A Manager is only told of people they can see (the same rule as
 * the people list), never of others'.
 */
export async function findSameNamedPeople(db: Db | Tx, scope: Scope, name: string): Promise<SameNamedPerson[]> {
  const key = personNameKey(name);
  const visible = personVisibility(scope);
  const rows = await db.$queryRawUnsafe<{ id: string; name: string; company: string | null; email: string | null; createdAt: Date }[]>(
    `WITH ${SCOPED_ACCOUNTS}${visible.cte}
     SELECT p.id, p.name, p.company, p.email, p."createdAt" FROM "Person" p
     WHERE p."orgId" = $1 AND ${visible.where}
       AND regexp_replace(lower(normalize(regexp_replace(p.name, $4, '', 'g'), NFKC)), '\\s+', '', 'g') = regexp_replace(lower(normalize($3, NFKC)), '\\s+', '', 'g')
     ORDER BY p."createdAt", p.id LIMIT ${SHOWN}`,
    ...scopeParams(scope),
    name,
    // A name stored before invisible characters were refused ("Probe Owner\u200B") is folded without them (decision 101).
    INVISIBLE_SQL_CLASS,
  );
  return rows
    .filter((r) => personNameKey(r.name) === key)
    .map((r) => ({ id: r.id, name: r.name, company: r.company, email: r.email, createdOn: r.createdAt.toISOString().slice(0, 10) }));
}

/**
 * Refuses a second person of an existing name until the user confirms it is someone else: same-named
 * people exist (two 田中 at one company), so this asks rather than forbids. `field` is the form's name field.
 */
export async function assertNameFreeOrConfirmed(
  db: Db | Tx,
  scope: Scope,
  input: { name: string; confirmation: { confirmSameName: boolean; sameNameAsked: string | null }; field: string; key: "validation.personNameTaken" | "validation.loginPersonNameTaken" },
): Promise<void> {
  if (sameNameConfirmed(input.name, input.confirmation)) return;
  const people = await findSameNamedPeople(db, scope, input.name);
  if (people.length === 0) return;
  const refusal = new AppError("INVALID_INPUT", "A person of this name already exists", { [input.field]: input.key });
  refusal.vars = { name: input.name, people: sameNamedList(people) };
  throw refusal;
}
