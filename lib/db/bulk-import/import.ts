import "server-only";
import { AppError } from "@/lib/errors";
import type { SnapshotError } from "@/lib/validation/snapshot";
import { streamLoginsSheet, type StreamProblem } from "@/lib/spreadsheets/stream-logins";
import { csvRows, xlsxRows } from "@/lib/spreadsheets/stream-rows";
import { isOrgAdmin, type Scope } from "../scope";
import { utcToday } from "../write-context";
import { beginScoped, openImportConnection } from "./connection";
import { planBulk, type BulkPlan } from "./plan";
import { createStage, openCopy } from "./stage";
import { unchangedPlan } from "./unchanged";
import { IMPORT_WORK_MEM } from "./work-mem";
import { writeBulk } from "./write";

// The large-file import of a logins spreadsheet (decision 023): the file is read from disk as a stream,
// each valid row COPYed into a staging table, and the upsert worked out and written set-wise — all in
// ONE transaction on a connection of its own, so a failure at any point (a bad row, a seller ID clash,
// the connection dropping) leaves nothing behind. The same semantics as upsertSnapshot with loginsOnly
// (lib/db/snapshots/upsert.ts, shared/API.md); the same file twice writes nothing the second time.

export type BulkProgress =
  | { phase: "parsing"; rowsRead: number; bytesRead: number; totalBytes: number }
  | { phase: "applying"; step: "planning" | "writing" | "findings" | "committing"; done: number; total: number };

export interface BulkImportOptions {
  path: string;
  kind: "csv" | "xlsx";
  dryRun: boolean;
  /** undefined = new accounts under no client, existing ones stay where they are (as upsertSnapshot). */
  clientId?: string | null;
  onProgress?: (progress: BulkProgress) => void;
  /** Test hook: the connection's backend pid once the transaction is open. */
  onConnection?: (pid: number) => void;
  /** Test hook: accounts per findings batch (write.ts). */
  recomputeBatch?: number;
  /** Test hook: false works out the whole plan even for an unchanged file (unchanged.ts is then bypassed). */
  checkUnchanged?: boolean;
  /** Defaults to the scoped-work role's URL (decision 011). */
  connectionString?: string;
}

export type BulkImportResult =
  /** `unchanged`: the file was found to be what is stored by its digest (unchanged.ts), without the whole plan. */
  | { ok: true; dryRun: boolean; rows: number; plan: BulkPlan; written: boolean; unchanged?: true }
  | { ok: false; problems: StreamProblem[]; problemCount: number }
  | { ok: false; errors: (SnapshotError & { row: number })[] };

export async function runBulkImport(scope: Scope, options: BulkImportOptions): Promise<BulkImportResult> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  const { orgId } = scope;
  const progress = options.onProgress ?? (() => undefined);
  const connection = await openImportConnection(options.connectionString);
  let open = false;
  try {
    // Temp tables live in the backend's own buffers (8 MB by default, settable only before the first
    // temp table is touched): the staged rows of a 500,000-row file are ~300 MB, which would otherwise go
    // out to and back in from temp files on every pass. Allocated only as used; the connection is ours.
    await connection.client.query(`SET temp_buffers = '256MB'`);
    await beginScoped(connection, orgId);
    open = true;
    options.onConnection?.(connection.pid);
    // One upsert per organisation at a time (the same lock as upsertSnapshot).
    await connection.sql(`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))`, [`snapshot-upsert:${orgId}`]);
    // Sorts and hashes over hundreds of thousands of staged rows: in the server's memory, not spilled to disk.
    await connection.sql(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`, []);
    // Set-wise statements over hundreds of thousands of rows pass the planner's JIT thresholds, and
    // compiling their expressions cost more than it saved: 1.4-3.7 s per statement, in the plan's
    // statements as in the write's (decision 031).
    await connection.sql(`SET LOCAL jit = off`, []);
    await createStage(connection);
    const copy = openCopy(connection);
    const source = options.kind === "xlsx" ? await xlsxRows(options.path) : await csvRows(options.path);
    const read = await streamLoginsSheet(source, (logins) => copy.write(logins), (rowsRead) =>
      progress({ phase: "parsing", rowsRead, bytesRead: source.bytesRead(), totalBytes: source.totalBytes }),
    );
    await copy.close();
    if (read.problemCount > 0) return { ok: false, problems: read.problems, problemCount: read.problemCount };
    progress({ phase: "applying", step: "planning", done: 0, total: read.rows });
    // The same file again: two statements tell it, instead of the whole plan (unchanged.ts).
    const same = options.checkUnchanged === false ? null : await unchangedPlan(connection.sql, orgId, options.clientId);
    if (same) return { ok: true, dryRun: options.dryRun, rows: read.rows, plan: same, written: false, unchanged: true };
    const planned = await planBulk(connection.sql, orgId, options.clientId);
    if (!planned.ok) return planned;
    const { summary } = planned.plan;
    const noop = summary.accounts.created + summary.accounts.updated + summary.people.created + summary.people.updated === 0;
    if (options.dryRun || noop) return { ok: true, dryRun: options.dryRun, rows: read.rows, plan: planned.plan, written: false };
    progress({ phase: "applying", step: "writing", done: 0, total: read.rows });
    await writeBulk(connection.sql, orgId, scope.userId, options.clientId, utcToday(), (done, total) => progress({ phase: "applying", step: "findings", done, total }), options.recomputeBatch);
    await connection.sql(
      `INSERT INTO "AuditEvent" ("orgId", "actorUserId", action, "entityType", "entityId", after) VALUES ($1, $2, 'snapshot.upserted', 'Organization', $1, $3::jsonb)`,
      [orgId, scope.userId, JSON.stringify({ source: "IMPORT", client: null, ...summary, peopleMatchedByEmail: planned.plan.peopleMatchedByEmail, rows: read.rows, bulk: true })],
    );
    progress({ phase: "applying", step: "committing", done: read.rows, total: read.rows });
    await connection.client.query("COMMIT");
    open = false;
    return { ok: true, dryRun: false, rows: read.rows, plan: planned.plan, written: true };
  } finally {
    if (open) await connection.client.query("ROLLBACK").catch(() => undefined);
    await connection.client.end().catch(() => undefined);
  }
}
