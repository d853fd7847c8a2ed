import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { parseSnapshot, type SnapshotError } from "@/lib/validation/snapshot";
import { recomputeAccounts } from "./risk/recompute";
import { isOrgAdmin, type Scope } from "./scope";
import { writeSnapshot } from "./snapshot-import";
import { audit, utcToday } from "./write-context";
import { dbFor } from "./tenant";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function tooLargeError(): SnapshotError {
  const mb = MAX_IMPORT_BYTES / 1024 / 1024;
  return { path: "(file)", message: `larger than ${mb} MB`, reason: { key: "fileTooLarge", vars: { mb } } };
}

/** JSON.parse's complaint, with the line and column of "at position N" when the engine gives one. */
export function jsonError(error: Error, text: string): SnapshotError {
  const message = `not valid JSON: ${error.message}`;
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return { path: "(file)", message, reason: { key: "notJson" } };
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return { path: "(file)", message, reason: { key: "notJsonAt", vars: { line, column } } };
}

export type ImportResult = { ok: true; accounts: number; logins: number } | { ok: false; errors: SnapshotError[] };

/**
 * Imports a gatehouse.snapshot/v1 document as new accounts of the caller's organisation: all or
 * nothing. Every problem is reported with its JSON path; nothing is written unless there are none.
 */
export async function importSnapshotText(scope: Scope, text: string, clientId: string | null): Promise<ImportResult> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, errors: [tooLargeError()] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonError(error as Error, text)] };
  }
  const parsed = parseSnapshot(json);
  if (!parsed.ok) return parsed;
  const snapshot = parsed.snapshot;
  const db = dbFor(scope);
  if (clientId && !(await db.client.findFirst({ where: { id: clientId, orgId: scope.orgId }, select: { id: true } })))
    return { ok: false, errors: [{ path: "(client)", message: "unknown client", reason: { key: "unknownClient" } }] };

  // Seller IDs are unique per organisation: report every clash, row by row.
  const sellerIds = snapshot.accounts.map((a) => a.sellerId).filter((s): s is string => !!s);
  const taken = new Set((await db.sellerAccount.findMany({ where: { orgId: scope.orgId, sellerId: { in: sellerIds } }, select: { sellerId: true } })).map((a) => a.sellerId));
  const errors: SnapshotError[] = [];
  snapshot.accounts.forEach((a, i) => {
    if (a.sellerId && taken.has(a.sellerId)) errors.push({ path: `accounts[${i}].sellerId`, message: `seller ID ${a.sellerId} already exists in this organisation`, reason: { key: "sellerIdTaken", vars: { sellerId: a.sellerId } } });
    if (a.sellerId && sellerIds.indexOf(a.sellerId) !== sellerIds.lastIndexOf(a.sellerId) && sellerIds.indexOf(a.sellerId) !== i)
      errors.push({ path: `accounts[${i}].sellerId`, message: `seller ID ${a.sellerId} appears twice in the file`, reason: { key: "sellerIdTwice", vars: { sellerId: a.sellerId } } });
  });
  // Account ids are external ids, unique per organisation: this import adds accounts, it does not update them.
  const accountIds = snapshot.accounts.map((a) => a.id);
  const known = new Set((await db.sellerAccount.findMany({ where: { orgId: scope.orgId, externalId: { in: accountIds } }, select: { externalId: true } })).map((a) => a.externalId));
  snapshot.accounts.forEach((a, i) => {
    if (known.has(a.id)) errors.push({ path: `accounts[${i}].id`, message: `account id ${a.id} already exists in this organisation`, reason: { key: "accountIdTaken", vars: { id: a.id } } });
  });
  if (errors.length) return { ok: false, errors };

  // People and devices already known by their external id are the same records (one person, one record).
  const ids = new Map<string, string>();
  const people = await db.person.findMany({ where: { orgId: scope.orgId, externalId: { in: snapshot.people.map((p) => p.id) } }, select: { id: true, externalId: true } });
  const devices = await db.device.findMany({ where: { orgId: scope.orgId, externalId: { in: snapshot.devices.map((d) => d.id) } }, select: { id: true, externalId: true } });
  for (const p of people) ids.set(`person:${p.externalId}`, p.id);
  for (const d of devices) ids.set(`device:${d.externalId}`, d.id);
  const existing = { people: new Set(people.map((p) => p.externalId)), devices: new Set(devices.map((d) => d.externalId)) };
  const idFor = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return ids.get(key)!;
  };
  await db.$transaction(
    async (tx) => {
      const { accountIds } = await writeSnapshot(tx, scope.orgId, snapshot, { idFor, source: "IMPORT", clientIdFor: () => clientId, verifiedById: scope.userId, existing });
      await audit(tx, scope, { action: "snapshot.imported", entityType: "SellerAccount", after: { accounts: accountIds.length, clientId } });
      await recomputeAccounts(tx, scope.orgId, accountIds, { today: utcToday(), actorUserId: scope.userId });
    },
    { timeout: 120_000 },
  );
  return { ok: true, accounts: snapshot.accounts.length, logins: snapshot.accounts.reduce((n, a) => n + a.logins.length, 0) };
}
