import "server-only";
import { evaluateSnapshot, scoreFindings, type Finding } from "@/lib/risk";
import { humaniseEvidence, mentionedIds, snapshotLabels } from "@/lib/risk/humanise";
import { riskSettingsOverridesSchema, type RiskSettingsOverrides } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import { closeSatisfiedTasks } from "../tasks/close-satisfied";
import { loadEvaluationSnapshot, type EvaluationSnapshot, type ExistingFindingRow } from "./load-snapshot";
import { sqlOf, type Sql } from "./sql";

// Findings are persisted and kept in step with the data: every write recomputes the accounts it
// touches inside its own transaction. A finding that stops holding is resolved (never deleted); one
// that comes back re-opens with its history; an accepted risk re-opens once its acceptance expires.
//
// A finding that still holds unchanged (same severity, evidence, evidenceData and status) is not
// written at all. So `lastSeenAt` is only written when a row changes or resolves: for an OPEN or
// ACCEPTED finding, "last seen" is its account's `evaluatedOn` (every evaluation of the account either
// keeps the finding or resolves it). On resolve, lastSeenAt moves up to that previous evaluation day.
//
// Round trips: one statement reads the snapshot, the stored findings (and the settings when not given);
// one statement writes everything (data-modifying CTEs).

export interface RecomputeResult {
  accounts: number;
  opened: number;
  resolved: number;
  reopened: number;
  expired: number;
}

export interface RecomputeOptions {
  today: string;
  actorUserId?: string | null;
  /** The API token the change came through, credited in the trail beside actorUserId (decision 094). */
  actorTokenId?: string | null;
  settings?: RiskSettingsOverrides;
  /** Smallest and largest of `accountIds` in the database's order: a planner hint for batches (see loadEvaluationSnapshot). */
  range?: [string, string];
  /** The organisation's shared devices, when a full recompute has computed them once (see loadEvaluationSnapshot). */
  sharedDevices?: string[];
}

const keyOf = (accountId: string, rule: string, type: string, id: string) => `${accountId}\u0000${rule}\u0000${type}\u0000${id}`;

const parseSettings = (raw: unknown): RiskSettingsOverrides => {
  const parsed = riskSettingsOverridesSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
};

export async function loadRiskSettings(tx: Tx | Sql, orgId: string): Promise<RiskSettingsOverrides> {
  const [org] = await sqlOf(tx)<{ settings: string | null }>(`SELECT settings::text AS settings FROM "Organization" WHERE id = $1`, [orgId]);
  return parseSettings(org?.settings == null ? undefined : JSON.parse(org.settings));
}

/** JSON with object keys sorted, so a value read back from jsonb (keys reordered) compares equal. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Evidence data is flat (primitives), so equal JSON means equal keys and values; anything else compares as canonical JSON. */
function sameEvidenceData(stored: unknown, computed: Record<string, unknown>): boolean {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return false;
  const old = stored as Record<string, unknown>;
  let count = 0;
  for (const key in computed) {
    const value = computed[key];
    if (value === undefined) continue;
    count++;
    if (value !== null && typeof value === "object") return canonicalJson(stored) === canonicalJson(computed);
    if (!(key in old) || old[key] !== value) return false;
  }
  return count === Object.keys(old).length;
}

export async function recomputeAccounts(tx: Tx | Sql, orgId: string, accountIds: string[], options: RecomputeOptions): Promise<RecomputeResult> {
  const result: RecomputeResult = { accounts: accountIds.length, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  if (accountIds.length === 0) return result;
  const sql = sqlOf(tx);
  const plan = planWrites(
    await loadEvaluationSnapshot(sql, orgId, accountIds, {
      findings: true,
      settings: options.settings === undefined,
      range: options.range,
      sharedDevices: options.sharedDevices,
    }),
    accountIds,
    options,
    result,
  );
  await write(sql, orgId, plan, options);
  // Remediation tasks whose change this write (or the findings it resolved) shows close themselves.
  await closeSatisfiedTasks(sql, orgId, accountIds);
  return result;
}

interface WritePlan {
  inserts: Finding[];
  refresh: { id: string; f: Finding; status: string }[];
  resolve: string[];
  audits: { accountId: string; findingId: string; action: string; before: string; after: string }[];
  ids: string[];
  scores: number[];
}

/** Evaluates and diffs against the stored findings; kept apart so the snapshot is garbage before the write. */
function planWrites(loaded: EvaluationSnapshot, accountIds: string[], options: RecomputeOptions, result: RecomputeResult): WritePlan {
  const { snapshot, targets } = loaded;
  const { today } = options;
  const settings = options.settings ?? parseSettings(loaded.settings);
  const evaluation = evaluateSnapshot(snapshot, { asOf: today, settings });
  const labels = snapshotLabels(snapshot);

  const firing = new Map<string, Finding>();
  for (const account of evaluation.accounts) {
    if (!targets.has(account.id)) continue;
    for (const f of account.findings) {
      f.evidence = humaniseEvidence(f.evidence, mentionedIds(f.evidence, labels), labels);
      firing.set(keyOf(f.accountId, f.rule, f.subject.type, f.subject.id), f);
    }
  }

  const existing = new Map<string, ExistingFindingRow>();
  for (const row of loaded.findings) existing.set(keyOf(row.accountId, row.ruleId, row.subjectType, row.subjectId), row);

  const inserts: Finding[] = [];
  const refresh: { id: string; f: Finding; status: string }[] = [];
  const resolve: string[] = [];
  const audits: { accountId: string; findingId: string; action: string; before: string; after: string }[] = [];
  const stillAccepted = new Set<string>();

  for (const [key, f] of firing) {
    const old = existing.get(key);
    if (!old) {
      inserts.push(f);
      continue;
    }
    let status = old.status;
    if (old.status === "RESOLVED") {
      status = "OPEN";
      result.reopened++;
      audits.push({ accountId: old.accountId, findingId: old.id, action: "finding.reopened", before: "RESOLVED", after: "OPEN" });
    } else if (old.status === "ACCEPTED" && old.acceptedUntil !== null && old.acceptedUntil < today) {
      status = "OPEN";
      result.expired++;
      audits.push({ accountId: old.accountId, findingId: old.id, action: "finding.acceptance_expired", before: "ACCEPTED", after: "OPEN" });
    }
    if (status === "ACCEPTED") stillAccepted.add(key);
    // Seen and unchanged: nothing to write (see lastSeenAt above).
    if (status === old.status && f.severity === old.severity && f.evidence === old.evidence && sameEvidenceData(old.evidenceData, f.evidenceData)) continue;
    refresh.push({ id: old.id, f, status });
  }
  for (const [key, old] of existing) {
    if (firing.has(key) || old.status === "RESOLVED") continue;
    resolve.push(old.id);
    audits.push({ accountId: old.accountId, findingId: old.id, action: "finding.resolved", before: old.status, after: "RESOLVED" });
  }
  result.opened = inserts.length;
  result.resolved = resolve.length;

  // Score: open findings only; an accepted risk does not count until its acceptance expires.
  const byAccount = new Map<string, Finding[]>();
  for (const id of accountIds) byAccount.set(id, []);
  for (const [key, f] of firing) if (!stillAccepted.has(key)) byAccount.get(f.accountId)?.push(f);
  // A score is written with today's AccountScoreDaily row in the same statement, so an account whose
  // score is unchanged and which was already evaluated today needs neither.
  const ids: string[] = [];
  const scores: number[] = [];
  for (const [id, list] of byAccount) {
    const score = scoreFindings(list);
    const stored = loaded.scores.get(id);
    if (stored === undefined || (stored.score === score && stored.evaluatedOn === today)) continue;
    ids.push(id);
    scores.push(score);
  }
  return { inserts, refresh, resolve, audits, ids, scores };
}

async function write(sql: Sql, orgId: string, { inserts, refresh, resolve, audits, ids, scores }: WritePlan, options: RecomputeOptions): Promise<void> {

  // One statement. Its parts all see the data as it was before it, which is what each needs: the
  // resolve step reads the account's previous evaluatedOn. Unchanged scores are not rewritten.
  const params: unknown[] = [orgId];
  const arg = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  if (ids.length) {
    // Today's daily row comes from the update's own RETURNING: the accounts it found in the organisation.
    // A batch's id range keeps the planner on the primary key rather than hashing the whole table.
    const day = arg(options.today);
    const inRange = options.range ? ` AND a.id BETWEEN ${arg(options.range[0])} AND ${arg(options.range[1])}` : "";
    parts.push(
      `score AS (UPDATE "SellerAccount" AS a SET score = t.score, "evaluatedOn" = ${day}::date
       FROM unnest(${arg(ids)}::text[], ${arg(scores)}::int[]) AS t(id, score)
       WHERE a.id = t.id AND a."orgId" = $1${inRange} RETURNING a.id, a.score)`,
      `daily AS (INSERT INTO "AccountScoreDaily" ("orgId", "accountId", day, score)
       SELECT $1, s.id, ${day}::date, s.score FROM score s
       ON CONFLICT ("accountId", day) DO UPDATE SET score = EXCLUDED.score RETURNING 1)`,
    );
  }
  if (inserts.length) {
    // Column arrays through unnest(): PostgreSQL reads them faster than a JSON recordset.
    const column = <T>(of: (f: Finding) => T) => arg(inserts.map(of));
    parts.push(`ins AS (INSERT INTO "Finding" (id, "orgId", "accountId", "ruleId", severity, "subjectType", "subjectId", evidence, "evidenceData", status, "firstSeenAt", "lastSeenAt")
       SELECT gen_random_uuid()::text, $1, t.a, t.r, t.s::"Severity", t.st::"SubjectType", t.sid, t.e, t.d::jsonb, 'OPEN', now(), now()
       FROM unnest(${column((f) => f.accountId)}::text[], ${column((f) => f.rule)}::text[], ${column((f) => f.severity)}::text[], ${column((f) => f.subject.type)}::text[],
                   ${column((f) => f.subject.id)}::text[], ${column((f) => f.evidence)}::text[], ${column((f) => JSON.stringify(f.evidenceData))}::text[])
            AS t(a, r, s, st, sid, e, d) RETURNING 1)`);
  }
  if (refresh.length) {
    parts.push(`upd AS (UPDATE "Finding" AS f SET severity = t.s::"Severity", evidence = t.e, "evidenceData" = t.d::jsonb, "lastSeenAt" = now(),
              status = t.st::"FindingStatus",
              "resolvedAt" = CASE WHEN t.st = 'OPEN' THEN NULL ELSE f."resolvedAt" END,
              "acceptedReason" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedReason" END,
              "acceptedUntil" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedUntil" END,
              "acceptedById" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedById" END
       FROM unnest(${arg(refresh.map((r) => r.id))}::text[], ${arg(refresh.map((r) => r.f.severity))}::text[], ${arg(refresh.map((r) => r.f.evidence))}::text[],
                   ${arg(refresh.map((r) => JSON.stringify(r.f.evidenceData)))}::text[], ${arg(refresh.map((r) => r.status))}::text[]) AS t(id, s, e, d, st)
       WHERE f.id = t.id AND f."orgId" = $1 RETURNING 1)`);
  }
  if (resolve.length) {
    parts.push(`res AS (UPDATE "Finding" AS f SET status = 'RESOLVED', "resolvedAt" = now(),
              "lastSeenAt" = GREATEST(f."lastSeenAt", a."evaluatedOn"::timestamp AT TIME ZONE 'UTC')
       FROM "SellerAccount" a WHERE f."orgId" = $1 AND f.id = ANY(${arg(resolve)}::text[]) AND a.id = f."accountId" RETURNING 1)`);
  }
  if (audits.length) {
    parts.push(`aud AS (INSERT INTO "AuditEvent" ("orgId", "actorUserId", "actorTokenId", action, "entityType", "entityId", "accountId", before, after)
       SELECT $1, ${arg(options.actorUserId ?? null)}::text, ${arg(options.actorTokenId ?? null)}::text, t.action, 'Finding', t.fid, t.aid, jsonb_build_object('status', t.b), jsonb_build_object('status', t.a2)
       FROM unnest(${arg(audits.map((a) => a.action))}::text[], ${arg(audits.map((a) => a.findingId))}::text[], ${arg(audits.map((a) => a.accountId))}::text[],
                   ${arg(audits.map((a) => a.before))}::text[], ${arg(audits.map((a) => a.after))}::text[]) AS t(action, fid, aid, b, a2) RETURNING 1)`);
  }
  if (parts.length) await sql(`WITH ${parts.join(",\n")} SELECT 1`, params);
}
