import "server-only";
import { ApiError } from "@/lib/api/errors";
import { jsonProblemOf } from "@/lib/api/audit";
import { parseSnapshot, SNAPSHOT_FORMAT, type Snapshot, type SnapshotError } from "@/lib/validation/snapshot";
import { AppError } from "@/lib/errors";
import { loadEvaluationSnapshot } from "../risk/load-snapshot";
import { accountScopeWhere, isOrgAdmin, type Scope } from "../scope";
import { importSnapshotText } from "../snapshot-upload";
import { dbFor } from "../tenant";
import { utcToday } from "../write-context";

// The snapshot endpoints. THIN ADAPTERS (see the report of the api-tokens branch): the snapshot upsert
// and export by external id (upsertSnapshot / exportSnapshot, branch external-ids) were not on main when
// this was written, so POST creates accounts through the import page's own function (importSnapshotText)
// and refuses, with 409, a document naming accounts the organisation already has (it cannot update them
// yet); GET builds the document from the risk engine's loader with every id replaced by its external id.
// Swap both for upsertSnapshot / exportSnapshot once they are on main.

export type SnapshotProblems = { problems: SnapshotError[] };

/** The document of a POST, or its problems by JSON path. */
export function parseSnapshotText(text: string): Snapshot | SnapshotProblems {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { problems: [jsonProblemOf(error, text)] };
  }
  const parsed = parseSnapshot(input);
  return parsed.ok ? parsed.snapshot : { problems: parsed.errors };
}

async function assertRestrictedWrite(scope: Scope, snapshot: Snapshot, client: string | null): Promise<void> {
  if (!scope.clientIds) return;
  // Without a client the accounts would land outside what the token may see.
  if (!client) throw new ApiError("forbidden", undefined, "api.error.clientRequired");
  const db = dbFor(scope);
  const target = await db.client.findFirst({ where: { orgId: scope.orgId, name: client, id: { in: scope.clientIds } }, select: { id: true } });
  // A client outside the restriction is not there for this token, whether it exists or not.
  if (!target) throw new ApiError("not_found");
  const ids = snapshot.accounts.map((a) => a.id);
  // Under another client or under none: either way not the token's to change.
  const elsewhere = await db.sellerAccount.count({ where: { orgId: scope.orgId, externalId: { in: ids }, OR: [{ clientId: null }, { clientId: { notIn: scope.clientIds } }] } });
  if (elsewhere > 0) throw new ApiError("forbidden");
}

/** POST /api/v1/snapshots (adapter): new accounts are created all or nothing; existing ones are a 409 until the upsert lands. */
export async function upsertApiSnapshot(scope: Scope, snapshot: Snapshot, client: string | null, text: string): Promise<{ accounts: { created: number; updated: number; unchanged: number } } | SnapshotProblems> {
  await assertRestrictedWrite(scope, snapshot, client);
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  const db = dbFor(scope);
  const existing = await db.sellerAccount.count({ where: { orgId: scope.orgId, externalId: { in: snapshot.accounts.map((a) => a.id) } } });
  if (existing > 0) throw new ApiError("conflict", undefined, "api.error.upsertUnavailable");
  let clientId: string | null = null;
  if (client) {
    const found = await db.client.findFirst({ where: { orgId: scope.orgId, name: client }, select: { id: true } });
    clientId = found?.id ?? (await db.client.create({ data: { orgId: scope.orgId, name: client }, select: { id: true } })).id;
  }
  const result = await importSnapshotText(scope, text, clientId);
  if (!result.ok) return { problems: result.errors };
  return { accounts: { created: result.accounts, updated: 0, unchanged: 0 } };
}

/** GET /api/v1/snapshot (adapter): the caller's accounts (or one client's) as a document named by external ids, asOf today. */
export async function exportApiSnapshot(scope: Scope, client: string | null): Promise<Snapshot> {
  const db = dbFor(scope);
  let clientId: string | undefined;
  if (client) {
    const found = await db.client.findFirst({ where: { orgId: scope.orgId, name: client, ...(scope.clientIds ? { id: { in: scope.clientIds } } : {}) }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", "Client not found");
    clientId = found.id;
  }
  const accounts = await db.sellerAccount.findMany({ where: { ...accountScopeWhere(scope), ...(clientId ? { clientId } : {}) }, select: { id: true }, orderBy: { externalId: "asc" } });
  const ids = accounts.map((a) => a.id);
  const loaded = await db.$transaction((tx) => loadEvaluationSnapshot(tx, scope.orgId, ids, { settings: true }));
  const ext = async (table: "Person" | "Device" | "Login" | "AuthorizedPartner" | "AppAuthorization" | "SellerAccount", where: string) =>
    new Map((await db.$queryRawUnsafe<{ id: string; externalId: string }[]>(`SELECT id, "externalId" FROM "${table}" WHERE "orgId" = $1 AND ${where}`, scope.orgId, ids)).map((r) => [r.id, r.externalId]));
  const [accountExt, loginExt, partnerExt, appExt, personExt, deviceExt] = await Promise.all([
    ext("SellerAccount", `id = ANY($2::text[])`),
    ext("Login", `"accountId" = ANY($2::text[])`),
    ext("AuthorizedPartner", `"accountId" = ANY($2::text[])`),
    ext("AppAuthorization", `"accountId" = ANY($2::text[])`),
    ext("Person", `cardinality($2::text[]) >= 0`),
    ext("Device", `cardinality($2::text[]) >= 0`),
  ]);
  const person = (id: string) => personExt.get(id) ?? id;
  const device = (id: string | null | undefined) => (id ? (deviceExt.get(id) ?? id) : id);
  const targets = loaded.snapshot.accounts.filter((a) => loaded.targets.has(a.id));
  const people = new Set<string>();
  const devices = new Set<string>();
  const out = targets.map((a) => ({
    ...a,
    id: accountExt.get(a.id) ?? a.id,
    logins: a.logins.map((l) => {
      [l.personId, ...l.usedBy].forEach((p) => people.add(p));
      l.twoStep.forEach((m) => m.deviceId && devices.add(m.deviceId));
      return { ...l, id: loginExt.get(l.id) ?? l.id, personId: person(l.personId), usedBy: l.usedBy.map(person), twoStep: l.twoStep.map((m) => ({ ...m, deviceId: device(m.deviceId) ?? null })) };
    }),
    partners: a.partners.map((p) => ({ ...p, id: partnerExt.get(p.id) ?? p.id })),
    apps: a.apps.map((p) => ({ ...p, id: appExt.get(p.id) ?? p.id })),
    otherAccess: a.otherAccess.map((o) => (people.add(o.personId), { ...o, personId: person(o.personId) })),
  }));
  for (const d of loaded.snapshot.devices) if (devices.has(d.id) && d.holderId) people.add(d.holderId);
  return {
    format: SNAPSHOT_FORMAT,
    asOf: utcToday(),
    ...(loaded.settings && typeof loaded.settings === "object" && Object.keys(loaded.settings).length ? { settings: loaded.settings as Snapshot["settings"] } : {}),
    people: loaded.snapshot.people.filter((p) => people.has(p.id)).map((p) => ({ ...p, id: person(p.id) })),
    devices: loaded.snapshot.devices.filter((d) => devices.has(d.id)).map((d) => ({ ...d, id: device(d.id)!, holderId: d.holderId ? person(d.holderId) : null })),
    accounts: out,
  } as Snapshot;
}
