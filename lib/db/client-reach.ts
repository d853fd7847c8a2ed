import "server-only";
import { AppError } from "@/lib/errors";
import type { RuleId } from "@/lib/risk";
import type { Tx } from "./client";
import { devicesReachedBy, peopleReachedBy } from "./reach-sql";

// What a client-restricted caller may touch of the organisation's people and devices (decision 082). People and
// devices are shared across accounts, so an account's records alone do not say whose they are: a person or device
// belongs to the caller's clients only when accounts of those clients reach it and no other account does.

export interface ClientReach {
  /** Database ids the caller's clients' accounts reach: the ones it sees in an export. */
  seen: { people: Set<string>; devices: Set<string> };
  /** Of the asked ids, those an account outside the caller's clients (another client's, or no client's) reaches. */
  shared: { people: Set<string>; devices: Set<string> };
}

/**
 * Reach of these people and devices (database ids), as lib/db/reach-sql.ts defines it (the people list's visibility
 * too). `side` picks the accounts: inside the clients, or outside them (another client or none).
 */
const REACH = (side: "inside" | "outside") => {
  const accounts = side === "inside" ? `a."clientId" = ANY($2::text[])` : `(a."clientId" IS NULL OR NOT a."clientId" = ANY($2::text[]))`;
  return `
    WITH acc AS (SELECT a.id FROM "SellerAccount" a WHERE a."orgId" = $1 AND ${accounts})
    SELECT 'device' AS kind, id FROM (${devicesReachedBy("acc")}) d WHERE id = ANY($4::text[])
    UNION SELECT 'person', id FROM (${peopleReachedBy("acc")}) p WHERE id = ANY($3::text[])`;
};

/** Where these people and devices are reached from, seen from the caller's clients. */
export async function clientReach(tx: Tx, orgId: string, clientIds: string[], ids: { people: string[]; devices: string[] }): Promise<ClientReach> {
  const read = async (side: "inside" | "outside") => {
    const rows = ids.people.length + ids.devices.length ? await tx.$queryRawUnsafe<{ kind: string; id: string }[]>(REACH(side), orgId, clientIds, ids.people, ids.devices) : [];
    return { people: new Set(rows.filter((r) => r.kind === "person").map((r) => r.id)), devices: new Set(rows.filter((r) => r.kind === "device").map((r) => r.id)) };
  };
  return { seen: await read("inside"), shared: await read("outside") };
}

/** Database ids of the people this caller's clients' accounts reach, among these (for matching by e-mail). */
export async function peopleSeenBy(tx: Tx, orgId: string, clientIds: string[], personIds: string[]): Promise<Set<string>> {
  return (await clientReach(tx, orgId, clientIds, { people: personIds, devices: [] })).seen.people;
}

/**
 * The one message of a restricted write refused for reaching past its clients: it names no record (decision 082). A
 * catalogue key, so the forms say it in the reader's language; the API answers its own `forbidden` sentence.
 */
export const OUT_OF_REACH = "validation.reachesOtherClients";

/**
 * The rules by which one account's records give another account a finding: a device used by several people's
 * logins. Only these are compared, so a finding another client's account gains from the date alone (a dormant user
 * at midnight, before the day's recompute) or from someone else's write does not refuse the caller's.
 */
const CROSS_ACCOUNT_RULES: RuleId[] = ["SHARED_2SV_DEVICE", "OTP_SKIP_ON_SHARED_DEVICE"];

/**
 * Called before a recompute of these accounts; the function it returns, called after, refuses (FORBIDDEN) when an
 * account outside a client-restricted caller's clients holds a finding (open or accepted; account, rule, subject)
 * it did not hold before by a rule that looks across accounts (a device shared by two people's logins), through which
 * a caller's own account can bring another client's one a finding. Findings resolved there are allowed. Unrestricted: no check.
 */
export async function guardOtherClientsFindings(tx: Tx, scope: { orgId: string; clientIds: string[] | null }, accountIds: string[]): Promise<() => Promise<void>> {
  const { orgId, clientIds } = scope;
  if (!clientIds || accountIds.length === 0) return async () => undefined;
  const outside = (await tx.sellerAccount.findMany({ where: { orgId, id: { in: accountIds }, OR: [{ clientId: null }, { clientId: { notIn: clientIds } }] }, select: { id: true } })).map((r) => r.id);
  if (outside.length === 0) return async () => undefined;
  const held = async () =>
    (await tx.finding.findMany({ where: { orgId, accountId: { in: outside }, status: { not: "RESOLVED" }, ruleId: { in: CROSS_ACCOUNT_RULES } }, select: { accountId: true, ruleId: true, subjectType: true, subjectId: true } }))
      .map((f) => `${f.accountId} ${f.ruleId} ${f.subjectType} ${f.subjectId}`);
  const before = new Set(await held());
  return async () => {
    if ((await held()).some((key) => !before.has(key))) throw new AppError("FORBIDDEN", OUT_OF_REACH);
  };
}
