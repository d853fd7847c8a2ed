import "server-only";
import { AppError } from "@/lib/errors";
import { failureReason } from "@/lib/jobs/failure-reason";
import { JOB_NAMES, type JobName } from "@/lib/jobs/registry";
import { JOBS_SCHEMA } from "@/lib/jobs/worker";
import { getDb } from "../client";
import { isOrgAdmin, type Scope } from "../scope";

// What the jobs page (/settings/jobs) shows Owners and Admins: the jobs of their own
// organisation (data.orgId) and the system-wide ones (no orgId: the nightly recompute, the digest fan-out),
// the latter without their output (counts over every organisation). pg-boss's tables are the owner's.

export interface JobRun {
  id: string;
  name: JobName;
  state: string;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** Why its last attempt failed (failed, or waiting to retry): one line, credentials masked (lib/jobs/failure-reason.ts). */
  error: string | null;
  /** A system-wide job that failed: its reason is in the server's log, not shown to one organisation (see below). */
  errorInServerLog: boolean;
}

const visible = `name = ANY($2::text[]) AND (data->>'orgId' = $1 OR NOT (data ? 'orgId'))`;

export async function listJobRuns(scope: Scope, limit = 100): Promise<JobRun[]> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins see background jobs");
  if (!(await jobTableExists())) return [];
  // Only a failure's output is read: a system-wide job's other output is counts over every organisation.
  const rows = await getDb().$queryRawUnsafe<(Omit<JobRun, "error" | "errorInServerLog"> & { output: unknown; own: boolean })[]>(
    `SELECT id::text, name, state::text, retry_count AS "retryCount", created_on AS "createdOn", started_on AS "startedOn",
            completed_on AS "completedOn", CASE WHEN state IN ('failed', 'retry') THEN output END AS output,
            data ? 'orgId' AS own
     FROM ${JOBS_SCHEMA}.job WHERE ${visible} ORDER BY created_on DESC LIMIT $3`,
    scope.orgId, [...JOB_NAMES], limit,
  );
  // The organisation's own job's reason is the error's first line, masked (decision 088). A system-wide job (digest,
  // reminders, recurrences, the nightly recompute) works over every organisation, so its error may name another
  // one's records: the page says it failed and that the reason is in the server's log, where the worker writes it.
  return rows.map(({ output, own, ...run }) => {
    const reason = failureReason(output);
    return { ...run, error: own ? reason : null, errorInServerLog: !own && reason !== null };
  });
}

/** A failed job of the caller's organisation (or a system-wide one) back in the queue; another's is NOT_FOUND. */
export async function retryFailedJob(scope: Scope, jobId: string, retry: (name: string, id: string) => Promise<void>): Promise<void> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins retry background jobs");
  if (!(await jobTableExists())) throw new AppError("NOT_FOUND", "Job not found");
  const [job] = await getDb().$queryRawUnsafe<{ name: string; state: string }[]>(
    `SELECT name, state::text FROM ${JOBS_SCHEMA}.job WHERE id::text = $3 AND ${visible}`,
    scope.orgId, [...JOB_NAMES], jobId,
  );
  if (!job) throw new AppError("NOT_FOUND", "No such job");
  if (job.state !== "failed") throw new AppError("CONFLICT", "Only a failed job can be retried");
  await retry(job.name, jobId);
}

/** pg-boss makes its tables when a worker first starts: before that (every replica GATEHOUSE_JOBS=off) nothing has run. */
async function jobTableExists(): Promise<boolean> {
  const [row] = await getDb().$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('${JOBS_SCHEMA}.job') IS NOT NULL AS present`);
  return row?.present === true;
}
