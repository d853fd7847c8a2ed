import "server-only";
import { AppError } from "@/lib/errors";
import { matchPeople, resolvedPersonIds, withResolvedPeople, type ExistingPersonRef, type PersonMatch } from "@/lib/snapshots/match-people";
import { isNoop, planUpsert, type ListedPart, summarisePlan, type ExistingAccount, type PlanSummary, type UpsertPlan } from "@/lib/snapshots/plan";
import { previewOf, type UpsertPreview } from "@/lib/snapshots/preview";
import type { Snapshot, SnapshotError } from "@/lib/validation/snapshot";
import { recordIdentityErrors } from "@/lib/validation/snapshot-identities";
import { phoneNumberErrors } from "@/lib/validation/snapshot-phone-numbers";
import { lockForTransaction } from "../advisory-lock";
import type { Tx } from "../client";
import { findClientByName, lockClientNames } from "../clients/client-records";
import { clientReach, guardOtherClientsFindings, OUT_OF_REACH, peopleSeenBy } from "../client-reach";
import { peopleOnAccounts, refreshPersonAccess } from "../people/person-access";
import { recomputeAccounts } from "../risk/recompute";
import { recorderId, actorOf, isOrgAdmin, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { accountsUsingDevices, audit } from "../write-context";
import { utcToday } from "@/lib/days";
import { addCreatedAccounts, applyPeopleAndDevices, applyUpdatedAccount, NewRows, type ApplyContext } from "./apply";
import { chunked, readAccounts, readPeopleAndDevices, referencedIds, toExistingAccount } from "./read";

export interface UpsertOptions {
  /**
   * Name of the client every account of the file goes under (created if the organisation has none of
   * that name, compared as the client form compares names: clientNameKey). Left out: new accounts go under no client and existing accounts stay under theirs, so
   * posting back an export of the whole organisation changes nothing.
   */
  client?: string | null;
  /** Provenance written on every record the upsert creates or changes. */
  source: "IMPORT" | "API";
  /** Work out and return the preview; write nothing. */
  dryRun?: boolean;
  /** Incoming person ids not to be merged with the existing person their logins' e-mail matches. */
  keepApart?: string[];
  /** The file lists logins only (a spreadsheet): partners, apps, other access and 2SV devices stay as stored (lib/snapshots/plan.ts). */
  loginsOnly?: boolean;
  /** With loginsOnly: the parts of an account the file lists (a bulk workbook's sheets); the others stay as stored. */
  listed?: readonly ListedPart[];
}

export type UpsertResult =
  | { ok: true; dryRun: boolean; accounts: PlanSummary["accounts"]; summary: PlanSummary; preview: UpsertPreview }
  | { ok: false; errors: SnapshotError[] };

/**
 * Upserts a validated gatehouse.snapshot/v1 document into the caller's organisation (shared/API.md,
 * POST /api/v1/snapshots): all or nothing in one transaction. Accounts are matched by external id
 * (or, for records from before external ids, by seller ID); their logins, partners and apps by external
 * id within the account; people by external id, then by their logins' e-mail addresses (see
 * lib/snapshots/match-people.ts); devices by external id. Records of a listed account that the file
 * no longer lists are removed; accounts the file does not list are left alone. The same file twice
 * writes nothing the second time (no version bump, no audit event, no findings rewritten). Findings of
 * every touched account are recomputed and people's stored access refreshed in the same transaction,
 * with one audit event summarising the import. Owners and Admins only.
 */
export async function upsertSnapshot(scope: Scope, snapshot: Snapshot, options: UpsertOptions): Promise<UpsertResult> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  // A spreadsheet's rows are held to the forms' record-identity rules (decision 074); the caller's parser refused them
  // already (parseSnapshotText's fromSpreadsheet), checked here too so that no spreadsheet path stores them.
  if (options.loginsOnly) {
    const identity = recordIdentityErrors(snapshot);
    if (identity.length) return { ok: false, errors: identity };
  }
  // A full phone number is never stored, whatever the path (the forms refuse it too; snapshot-phone-numbers.ts).
  const phoneNumbers = phoneNumberErrors(snapshot);
  if (phoneNumbers.length) return { ok: false, errors: phoneNumbers };
  const db = dbFor(scope);
  return db.$transaction(
    async (tx) => {
      // One upsert per organisation at a time: two at once would both find an account missing and both create it.
      await lockForTransaction(tx, `snapshot-upsert:${scope.orgId}`);
      const prepared = await prepare(tx, scope, snapshot, options);
      if (!prepared.ok) return prepared;
      const { plan, matches, clientIsNew, clientName } = prepared;
      const summary = summarisePlan(plan);
      const preview = previewOf(plan, matches, clientName ? { name: clientName, created: clientIsNew } : null);
      const result = { ok: true as const, dryRun: !!options.dryRun, accounts: summary.accounts, summary, preview };
      if (options.dryRun || isNoop(plan)) return result;
      await apply(tx, scope, prepared, { client: clientName, source: options.source });
      return result;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

interface Prepared {
  ok: true;
  plan: UpsertPlan;
  matches: PersonMatch[];
  clientId: string | null | undefined;
  clientIsNew: boolean;
  /** The client's stored name (the file's name when it is new). */
  clientName: string | null;
  existingRows: ExistingAccount[];
  personDb: Map<string, string>;
  deviceDb: Map<string, string>;
}

async function prepare(tx: Tx, { orgId, clientIds }: Scope, snapshot: Snapshot, options: UpsertOptions): Promise<Prepared | { ok: false; errors: SnapshotError[] }> {
  // The client: found by name as the client form compares names (a width- or case-twin of an existing client is that
  // client, not a new one); a new one is only made when the plan is applied. Under the form's client-name lock, so
  // neither can create a twin of what the other is creating (decision 074). A dry run writes nothing: no lock.
  let clientId: string | null | undefined;
  let clientIsNew = false;
  let clientName: string | null = null;
  // Without a client a restricted caller's new accounts would land outside what it may see.
  if (clientIds && !options.client) throw new AppError("FORBIDDEN", "A client-restricted caller names one of its clients");
  if (options.client) {
    if (!options.dryRun) await lockClientNames(tx, orgId);
    // A client-restricted token finds only its clients (assertRestrictedWrite found the same one): a twin outside them
    // named exactly is not this caller's.
    const client = await findClientByName(tx, orgId, options.client, clientIds);
    // A client outside the restriction is not there for this caller, whether it exists or not; nor may it make one.
    if (clientIds && !client) throw new AppError("NOT_FOUND", "Client not found");
    clientIsNew = !client;
    clientId = client?.id ?? NEW_CLIENT;
    clientName = client?.name ?? options.client;
  }

  // Accounts: by external id, then by seller ID for records that predate external ids.
  const byExternal = await chunked(snapshot.accounts.map((a) => a.id), (ids) => readAccounts(tx, { orgId, externalId: { in: ids } }));
  const matched = new Map<string, { row: (typeof byExternal)[number]; by: "externalId" | "sellerId" }>();
  for (const row of byExternal) matched.set(row.externalId, { row, by: "externalId" });
  const sellerIds = snapshot.accounts.map((a) => a.sellerId).filter((s): s is string => !!s);
  const holders = await chunked(sellerIds, (ids) => tx.sellerAccount.findMany({ where: { orgId, sellerId: { in: ids } }, select: { id: true, sellerId: true } }));
  const holderOf = new Map(holders.map((h) => [h.sellerId!, h.id]));
  const claimedIds = new Set(byExternal.map((r) => r.id));
  const bySeller = snapshot.accounts.filter((a) => !matched.has(a.id) && a.sellerId && holderOf.has(a.sellerId) && !claimedIds.has(holderOf.get(a.sellerId)!));
  if (bySeller.length) {
    const rows = await chunked(bySeller.map((a) => holderOf.get(a.sellerId!)!), (ids) => readAccounts(tx, { orgId, id: { in: ids } }));
    const rowById = new Map(rows.map((r) => [r.id, r]));
    for (const a of bySeller) matched.set(a.id, { row: rowById.get(holderOf.get(a.sellerId!)!)!, by: "sellerId" });
  }

  // An account under another client or under none is not a restricted caller's to change (matched either way).
  if (clientIds && [...matched.values()].some((m) => !m.row.clientId || !clientIds.includes(m.row.clientId))) throw outOfReach();

  // A seller ID belongs to one account: refuse a file that would give one to two.
  const errors: SnapshotError[] = [];
  snapshot.accounts.forEach((a, i) => {
    if (!a.sellerId) return;
    if (sellerIds.indexOf(a.sellerId) !== i)
      errors.push({ path: `accounts[${i}].sellerId`, message: `seller ID ${a.sellerId} appears twice in the file`, reason: { key: "sellerIdTwice", vars: { sellerId: a.sellerId } } });
    const holder = holderOf.get(a.sellerId);
    if (holder && holder !== matched.get(a.id)?.row.id)
      errors.push({ path: `accounts[${i}].sellerId`, message: `seller ID ${a.sellerId} already exists in this organisation`, reason: { key: "sellerIdTaken", vars: { sellerId: a.sellerId } } });
  });
  if (errors.length) return { ok: false, errors };

  // People: by external id, then by their logins' e-mail addresses.
  const byExternalId = new Map<string, ExistingPersonRef>();
  const known = await chunked(snapshot.people.map((p) => p.id), (ids) => tx.person.findMany({ where: { orgId, externalId: { in: ids } }, select: { id: true, externalId: true, name: true } }));
  for (const p of known) byExternalId.set(p.externalId, p);
  const emails = [...new Set(snapshot.accounts.flatMap((a) => a.logins.flatMap((l) => (l.email ? [l.email.toLowerCase()] : []))))];
  const byEmail = new Map<string, ExistingPersonRef[]>();
  if (emails.length) {
    const rows = await tx.$queryRawUnsafe<{ email: string; id: string; externalId: string; name: string }[]>(
      `SELECT DISTINCT e.email, p.id, p."externalId", p.name FROM (
         SELECT lower(email) AS email, "personId" FROM "Login" WHERE "orgId" = $1 AND lower(email) = ANY($2::text[])
         UNION SELECT lower(email), id FROM "Person" WHERE "orgId" = $1 AND lower(email) = ANY($2::text[])) e
       JOIN "Person" p ON p.id = e."personId" AND p."orgId" = $1 ORDER BY e.email, p.id`,
      orgId,
      emails,
    );
    // A restricted caller's new person is not merged into one it cannot see: that would show it that person.
    const seen = clientIds ? await peopleSeenBy(tx, orgId, clientIds, [...new Set(rows.map((r) => r.id))]) : null;
    for (const r of rows) if (!seen || seen.has(r.id)) byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), { id: r.id, externalId: r.externalId, name: r.name }]);
  }
  const matches = matchPeople({ snapshot, byExternalId, byEmail, keepApart: new Set(options.keepApart ?? []) });
  const resolved = withResolvedPeople(snapshot, resolvedPersonIds(matches));

  // The stored people and devices the plan compares with, and those the matched accounts refer to.
  const rows = [...matched.values()].map((m) => m.row);
  const refs = referencedIds(rows);
  for (const m of matches) if (m.existing) refs.people.add(m.existing.id);
  const knownDevices = await chunked(snapshot.devices.map((d) => d.id), (ids) => tx.device.findMany({ where: { orgId, externalId: { in: ids } }, select: { id: true } }));
  for (const d of knownDevices) refs.devices.add(d.id);
  const stored = await readPeopleAndDevices(tx, orgId, refs);

  const existing = new Map<string, ExistingAccount & { matchedBy: "externalId" | "sellerId" }>();
  const existingRows: ExistingAccount[] = [];
  for (const [incomingId, { row, by }] of matched) {
    const account = toExistingAccount(row, stored);
    existing.set(incomingId, { ...account, matchedBy: by });
    existingRows.push(account);
  }
  const plan = planUpsert({ snapshot: resolved, existing, people: stored.people, devices: stored.devices, clientId, loginsOnly: options.loginsOnly, listed: options.listed });
  const personDb = new Map([...stored.people].map(([ext, p]) => [ext, p.id]));
  const deviceDb = new Map([...stored.devices].map(([ext, d]) => [ext, d.id]));
  if (clientIds) await assertWithinClients(tx, orgId, clientIds, resolved, plan, personDb, deviceDb);
  return { ok: true, plan, matches, clientId, clientIsNew, clientName, existingRows, personDb, deviceDb };
}

/** The refusal of a restricted write that reaches past its clients: the same for every record, naming none (decision 082). */
const outOfReach = () => new AppError("FORBIDDEN", OUT_OF_REACH);

/**
 * A client-restricted caller (decision 082) may name only the people and devices its clients' accounts reach (what its
 * export shows), and change only those no other account reaches: another client's, or no client's. People and devices
 * are shared, so a change to one is a change to every account that reaches it. New ones are its to make.
 */
async function assertWithinClients(tx: Tx, orgId: string, clientIds: string[], file: Snapshot, plan: UpsertPlan, personDb: Map<string, string>, deviceDb: Map<string, string>): Promise<void> {
  const named = {
    people: file.people.flatMap((p) => (personDb.has(p.id) ? [personDb.get(p.id)!] : [])),
    devices: file.devices.flatMap((d) => (deviceDb.has(d.id) ? [deviceDb.get(d.id)!] : [])),
  };
  const reach = await clientReach(tx, orgId, clientIds, named);
  if (named.people.some((id) => !reach.seen.people.has(id)) || named.devices.some((id) => !reach.seen.devices.has(id))) throw outOfReach();
  if (plan.people.updated.some((p) => reach.shared.people.has(p.id)) || plan.devices.updated.some((d) => reach.shared.devices.has(d.id))) throw outOfReach();
}

/** Stands for a client the plan will create (so every existing account counts as moved). */
const NEW_CLIENT = "(new client)";

async function apply(tx: Tx, scope: Scope, prepared: Prepared, options: { client: string | null; source: "IMPORT" | "API" }): Promise<void> {
  const { orgId } = scope;
  const { plan, existingRows, personDb, deviceDb } = prepared;
  let clientId = prepared.clientId;
  if (clientId === NEW_CLIENT) clientId = (await tx.client.create({ data: { orgId, name: options.client! }, select: { id: true } })).id;
  const ctx: ApplyContext = { orgId, source: options.source, verifiedById: recorderId(scope), clientId, personDb, deviceDb };

  const updated = plan.accounts.filter((a) => a.status === "updated");
  const updatedIds = updated.map((a) => a.id!);
  // Device rules look across accounts: the accounts sharing a device with a login that changes, before and after.
  const deviceOf = (l: { twoStep: { deviceId: string | null }[] }) => l.twoStep.map((m) => (m.deviceId ? ctx.deviceDb.get(m.deviceId) : null));
  const oldLogins = new Map(existingRows.map((a) => [a.id, new Map(a.account.logins.map((l) => [l.id, l]))]));
  const devicesBefore = updated.flatMap((a) =>
    [...a.logins.removed.map((r) => r.externalId), ...a.logins.updated.map((u) => u.record.id)].flatMap((id) => {
      const old = oldLogins.get(a.id!)?.get(id);
      return old ? deviceOf(old) : [];
    }),
  );
  const peopleBefore = await peopleOnAccounts(tx, orgId, updatedIds);
  const sharingBefore = await accountsUsingDevices(tx, orgId, devicesBefore);

  const changed = await applyPeopleAndDevices(tx, plan, ctx);
  const rows = new NewRows(ctx);
  const created = addCreatedAccounts(rows, plan.accounts.filter((a) => a.status === "created"), ctx);
  for (const account of updated) await applyUpdatedAccount(tx, rows, account, ctx);
  await rows.write(tx);
  // Each account the file adds starts its history as one the form adds (account-records.ts createAccount), so its
  // history page says where it came from instead of "no history yet" (newuser42 finding 8).
  const createdPlans = plan.accounts.filter((a) => a.status === "created");
  if (created.length)
    await tx.auditEvent.createMany({
      data: created.map((id, i) => {
        const a = createdPlans[i].account;
        const after = { id, storeName: a.storeName, sellerId: a.sellerId, region: a.region, marketplaces: a.marketplaces, plan: a.plan, status: a.status, clientId: ctx.clientId ?? null, source: options.source };
        return { orgId, ...actorOf(scope), action: "account.created", entityType: "SellerAccount", entityId: id, accountId: id, after };
      }),
    });

  const written = [...created, ...updatedIds];
  const devicesAfter = [
    ...plan.accounts.filter((a) => a.status === "created").flatMap((a) => a.account.logins.flatMap(deviceOf)),
    ...updated.flatMap((a) => [...a.logins.created, ...a.logins.updated.map((u) => u.record)].flatMap(deviceOf)),
  ];
  const touched = new Set([
    ...written,
    ...sharingBefore,
    ...(await accountsUsingDevices(tx, orgId, [...devicesAfter, ...changed.devices])),
    ...(await accountsOfPeople(tx, orgId, changed.updatedPeople)),
  ]);
  // Rules look across accounts (a device shared by two people's logins): a restricted caller's own accounts may not
  // bring another client's account a finding it did not have (decision 082). Counted before and after the recompute.
  const noNewFindingsElsewhere = await guardOtherClientsFindings(tx, scope, [...touched]);
  await recomputeAccounts(tx, orgId, [...touched], { today: utcToday(), ...actorOf(scope) });
  await noNewFindingsElsewhere();
  const peopleAfter = await peopleOnAccounts(tx, orgId, written);
  await refreshPersonAccess(tx, orgId, [...new Set([...peopleBefore, ...peopleAfter, ...changed.created, ...changed.updatedPeople])]);

  const summary = summarisePlan(plan);
  await audit(tx, scope, {
    action: "snapshot.upserted",
    entityType: "Organization",
    entityId: orgId,
    after: { source: options.source, client: options.client, ...summary, peopleMatchedByEmail: prepared.matches.filter((m) => m.by === "email").length },
  });
}

/** Accounts where these people hold a login, use one, or have other access (their facts feed those accounts' rules). */
async function accountsOfPeople(tx: Tx, orgId: string, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "accountId" AS id FROM "Login" WHERE "orgId" = $1 AND "personId" = ANY($2::text[])
     UNION SELECT l."accountId" FROM "LoginUser" u JOIN "Login" l ON l.id = u."loginId" AND l."orgId" = $1 WHERE u."orgId" = $1 AND u."personId" = ANY($2::text[])
     UNION SELECT "accountId" FROM "OtherAccess" WHERE "orgId" = $1 AND "personId" = ANY($2::text[])`,
    orgId,
    personIds,
  );
  return rows.map((r) => r.id);
}
