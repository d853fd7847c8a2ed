import "server-only";
import { AppError } from "@/lib/errors";
import { SNAPSHOT_FORMAT, type Snapshot } from "@/lib/validation/snapshot";
import type { Prisma } from "../generated/client";
import { findClientByName } from "../clients/client-records";
import { loadRiskSettings } from "../risk/recompute";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";
import { utcToday } from "@/lib/days";
import { readAccounts, readPeopleAndDevices, referencedIds, toExistingAccount } from "./read";

export interface ExportOptions {
  /** Only this client's accounts (by name, as the API's `?client=`); an unknown or unassigned client is NOT_FOUND. */
  client?: string | null;
  /** Only these accounts (database ids, e.g. the accounts table's current view); others are ignored. */
  accountIds?: string[];
}

const CHUNK = 5_000;

/**
 * The caller's data (every account they may see, or a client's, or some accounts) as a
 * gatehouse.snapshot/v1 document named by external ids, with `asOf` = today (UTC) and the
 * organisation's risk thresholds, so `gatehouse audit` on it finds what the app holds (shared/API.md,
 * GET /api/v1/snapshot). A whole-organisation export carries every person and device; a partial one
 * those its accounts refer to (device rules then see only the exported accounts).
 */
export async function exportSnapshot(scope: Scope, options: ExportOptions = {}): Promise<Snapshot> {
  const db = dbFor(scope);
  return db.$transaction(
    async (tx) => {
      const where: Prisma.SellerAccountWhereInput = { ...accountScopeWhere(scope) };
      if (options.client) {
        // As the upsert finds it (clientNameKey): the client "Ｋｕｍｏ\u3000ＫＫ" was imported into is the one it exports.
        const client = await findClientByName(tx, scope.orgId, options.client, scope.clientIds);
        if (!client) throw new AppError("NOT_FOUND", "Client not found");
        where.clientId = client.id;
      }
      let rows: Awaited<ReturnType<typeof readAccounts>> = [];
      if (options.accountIds) {
        for (let start = 0; start < options.accountIds.length; start += CHUNK)
          rows.push(...(await readAccounts(tx, { ...where, id: { in: options.accountIds.slice(start, start + CHUNK) } })));
        rows.sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
      } else rows = await readAccounts(tx, where);
      const whole = !options.client && !options.accountIds && scope.clientIds === null;
      const stored = await readPeopleAndDevices(tx, scope.orgId, whole ? null : referencedIds(rows));
      const settings = await loadRiskSettings(tx, scope.orgId);
      const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      return {
        format: SNAPSHOT_FORMAT,
        asOf: utcToday(),
        ...(Object.keys(settings).length ? { settings } : {}),
        people: [...stored.people.values()].map((p) => p.record).sort(byId),
        devices: [...stored.devices.values()].map((d) => d.record).sort(byId),
        accounts: rows.map((row) => toExistingAccount(row, stored).account),
      } as Snapshot;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
