import "server-only";
import { AppError } from "@/lib/errors";
import type { SnapshotError } from "@/lib/validation/snapshot";
import { digestingRows } from "@/lib/spreadsheets/file-digest";
import { MAX_PROBLEMS, streamLoginsSheet, type StreamProblem } from "@/lib/spreadsheets/stream-logins";
import { csvRows, xlsxRows, type RowSource } from "@/lib/spreadsheets/stream-rows";
import { lockForTransaction } from "../advisory-lock";
import { isOrgAdmin, type Scope } from "../scope";
import { utcToday } from "@/lib/days";
import { beginScoped, openImportConnection } from "./connection";
import { markImportWriting, snapshotDigests, storeDigestsOfPlan, storeDigestsOfUnchanged } from "./digest";
import { noMatches } from "./people";
import { planBulk, type BulkPlan } from "./plan";
import { createStage, openCopy } from "./stage";
import { loadStoredDigests, matchStoredDigests } from "./stored-digest";
import { unchangedPlan } from "./unchanged";
import { loginEmailsTwice } from "./login-emails";
import { repeatedRowsAcrossBatches } from "./repeated-rows";
import { IMPORT_WORK_MEM } from "./work-mem";
import { unknownUsers } from "./users";
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
  /** Incoming person ids not to be merged with the existing person their logins' e-mail matches (as upsertSnapshot). */
  keepApart?: readonly string[];
  onProgress?: (progress: BulkProgress) => void;
  /** Test hook: the connection's backend pid once the transaction is open. */
  onConnection?: (pid: number) => void;
  /** Test hook: accounts per findings batch (write.ts). */
  recomputeBatch?: number;
  /** Test hook: false works out the whole plan even for an unchanged file (stored-digest.ts and unchanged.ts are then bypassed). */
  checkUnchanged?: boolean;
  /** Test hook: awaited inside the transaction, after the plan (or the staged proof) and before the digests are stored. */
  beforeStoringDigests?: () => Promise<void>;
  /** Defaults to the scoped-work role's URL (decision 011). */
  connectionString?: string;
}

export type BulkImportResult =
  /**
   * `unchanged`: the file was found to be what is stored without the whole plan, and which way proved it:
   * "stored" = every account's cells have the digest stored by an earlier import (stored-digest.ts: read
   * once, nothing staged); "staged" = the staged rows fold to what is stored (unchanged.ts).
   */
  | { ok: true; dryRun: boolean; rows: number; plan: BulkPlan; written: boolean; unchanged?: "stored" | "staged" }
  | { ok: false; problems: StreamProblem[]; problemCount: number }
  | { ok: false; errors: (SnapshotError & { row: number; column?: string })[] };

export async function runBulkImport(scope: Scope, options: BulkImportOptions): Promise<BulkImportResult> {
  // A client-restricted caller is held to its clients' records (decision 082); the large-file import writes the whole
  // organisation's, so it is not theirs (Owners and Admins have no restriction; this keeps it so).
  if (!isOrgAdmin(scope) || scope.clientIds) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  const { orgId } = scope;
  const progress = options.onProgress ?? (() => undefined);
  const connection = await openImportConnection(options.connectionString);
  let open = false;
  try {
    // Temp tables live in the backend's own buffers (8 MB by default, settable only before the first
    // temp table is touched): the staged rows of a 500,000-row file are ~300 MB, which would otherwise go
    // out to and back in from temp files on every pass. Allocated only as used; the connection is ours.
    await connection.client.query(`SET temp_buffers = '256MB'`);
    // When the process running the import is killed (a cancelled upload, isolated.ts), PostgreSQL would
    // otherwise notice the closed connection only after the statement running then (minutes at 500,000
    // rows), holding the organisation's import lock meanwhile. Checked every second instead (PostgreSQL 14+).
    await connection.client.query(`SELECT set_config('client_connection_check_interval', '1000', false) WHERE current_setting('server_version_num')::int >= 140000`);
    await beginScoped(connection, orgId);
    open = true;
    const commit = async (last: () => Promise<void>) => {
      await last();
      await connection.client.query("COMMIT");
      open = false;
    };
    options.onConnection?.(connection.pid);
    // One upsert per organisation at a time (the same lock as upsertSnapshot).
    await lockForTransaction(connection.sql, `snapshot-upsert:${orgId}`);
    // Sorts and hashes over hundreds of thousands of staged rows: in the server's memory, not spilled to disk.
    await connection.sql(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`, []);
    // Set-wise statements over hundreds of thousands of rows pass the planner's JIT thresholds, and
    // compiling their expressions cost more than it saved: 1.4-3.7 s per statement, in the plan's
    // statements as in the write's (decision 031).
    await connection.sql(`SET LOCAL jit = off`, []);
    const openFile = () => (options.kind === "xlsx" ? xlsxRows(options.path) : csvRows(options.path));
    const parsing = (source: RowSource) => (rowsRead: number) => progress({ phase: "parsing", rowsRead, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
    if (options.checkUnchanged !== false) {
      // The same file again, by the digests stored by the last import: read once, nothing staged. A first
      // import (no digest stored) skips the pass; a changed file pays its reading up to the first differing account.
      const stored = await loadStoredDigests(connection.sql, orgId);
      if (stored.size > 0) {
        const source = await openFile();
        const match = await matchStoredDigests(source, stored, options.clientId, parsing(source));
        if (match) return { ok: true, dryRun: options.dryRun, rows: match.rows, plan: unchangedSummary(match.accounts, match.people), written: false, unchanged: "stored" };
      }
    }
    await createStage(connection);
    const copy = openCopy(connection);
    const source = await openFile();
    const file = digestingRows(source.rows);
    let shared = 0;
    const read = await streamLoginsSheet({ ...source, rows: file.rows }, (logins) => {
      for (const l of logins) if (l.users.length) shared++;
      return copy.write(logins);
    }, parsing(source));
    await copy.close();
    if (read.problemCount > 0) return { ok: false, problems: read.problems, problemCount: read.problemCount };
    // Known only now that every batch is staged: a used_by naming nobody the file lists (users.ts), and a login e-mail
    // twice on an account whose rows are in more than one batch (login-emails.ts); both in one answer, by row.
    const across = [
      ...(shared > 0 ? [await unknownUsers(connection.sql, read.usedByColumn ?? "used_by")] : []),
      ...(read.accountsAcrossBatches ? [await loginEmailsTwice(connection.sql, read.emailColumn ?? "email")] : []),
    ];
    // A record listed again in a later batch, writing details its first row does not (repeated-rows.ts, decision 083).
    const repeated = await repeatedRowsAcrossBatches(connection.sql, read.heading ?? ((key) => key), read.accountsAcrossBatches);
    const acrossCount = across.reduce((sum, found) => sum + found.count, 0) + repeated.count;
    if (acrossCount > 0) {
      const problems: (StreamProblem & { at: number })[] = [
        // Their path is the column's heading already (users.ts, login-emails.ts): the page names it as the column.
        ...across.flatMap((found) => found.errors).map(({ row, ...error }) => ({ at: row, row, column: error.path, error })),
        ...repeated.problems.map((sheet) => ({ at: sheet.row, sheet })),
      ];
      problems.sort((a, b) => a.at - b.at);
      return { ok: false, problems: problems.slice(0, MAX_PROBLEMS).map(({ at: _at, ...p }) => p as StreamProblem), problemCount: acrossCount };
    }
    progress({ phase: "applying", step: "planning", done: 0, total: read.rows });
    // Before anything reads what is stored: the digests are stored at the end only where no other writer
    // has marked the account since (digest.ts, decision 032 stop 28). A dry run stores none.
    if (!options.dryRun) await snapshotDigests(connection.sql, orgId);
    // The same file again: two statements tell it, instead of the whole plan (unchanged.ts).
    const same = options.checkUnchanged === false ? null : await unchangedPlan(connection.sql, orgId, options.clientId, shared > 0);
    if (same) {
      if (!options.dryRun) await commit(async () => {
        await options.beforeStoringDigests?.();
        await storeDigestsOfUnchanged(connection.sql, orgId, file.digests());
      });
      return { ok: true, dryRun: options.dryRun, rows: read.rows, plan: same, written: false, unchanged: "staged" };
    }
    const planned = await planBulk(connection.sql, orgId, options.clientId, options.keepApart ?? []);
    // A seller ID twice (plan.ts) is named by its row and the file's seller ID column, as every other problem here.
    if (!planned.ok) return { ok: false, errors: planned.errors.map((e) => ({ ...e, column: read.heading ? read.heading(e.path) : e.path })) };
    const { summary } = planned.plan;
    const noop = summary.accounts.created + summary.accounts.updated + summary.people.created + summary.people.updated === 0;
    if (options.dryRun) return { ok: true, dryRun: true, rows: read.rows, plan: planned.plan, written: false };
    if (noop) {
      await commit(async () => {
        await options.beforeStoringDigests?.();
        await storeDigestsOfPlan(connection.sql, orgId, file.digests(), false);
      });
      return { ok: true, dryRun: false, rows: read.rows, plan: planned.plan, written: false };
    }
    progress({ phase: "applying", step: "writing", done: 0, total: read.rows });
    // The digest triggers skip these writes: storeDigestsOfPlan below sets every written account's digest.
    await markImportWriting(connection.sql);
    await writeBulk(connection.sql, orgId, scope.userId, options.clientId, utcToday(), (done, total) => progress({ phase: "applying", step: "findings", done, total }), options.recomputeBatch);
    await connection.sql(
      `INSERT INTO "AuditEvent" ("orgId", "actorUserId", action, "entityType", "entityId", after) VALUES ($1, $2, 'snapshot.upserted', 'Organization', $1, $3::jsonb)`,
      [orgId, scope.userId, JSON.stringify({ source: "IMPORT", client: null, ...summary, peopleMatchedByEmail: planned.plan.peopleMatchedByEmail, rows: read.rows, bulk: true })],
    );
    await options.beforeStoringDigests?.();
    await storeDigestsOfPlan(connection.sql, orgId, file.digests(), true);
    progress({ phase: "applying", step: "committing", done: read.rows, total: read.rows });
    await commit(async () => undefined);
    return { ok: true, dryRun: false, rows: read.rows, plan: planned.plan, written: true };
  } catch (error) {
    throw connection.explain(error);
  } finally {
    if (open) await connection.client.query("ROLLBACK").catch(() => undefined);
    await connection.client.end().catch(() => undefined);
  }
}

/** The plan of a file found unchanged: every account and person of it unchanged, nothing else. */
function unchangedSummary(accounts: number, people: number): BulkPlan {
  const unchanged = (n: number) => ({ created: 0, updated: 0, unchanged: n });
  // Every account's cells are the ones an import stored: each of their people is stored under the file's
  // id (digest.ts stores no digest where one was matched by e-mail), so no keep-apart choice applies.
  return { summary: { accounts: unchanged(accounts), people: unchanged(people), devices: unchanged(0), removed: { logins: 0, partners: 0, apps: 0 } }, peopleMatchedByEmail: 0, matches: noMatches(people) };
}
