import "server-only";
import { evaluateSnapshot, scoreFindings, type Finding } from "@/lib/risk";
import { humaniseEvidence, snapshotLabels } from "@/lib/risk/humanise";
import { riskSettingsOverridesSchema, type RiskSettingsOverrides } from "@/lib/validation/snapshot";
import type { Tx } from "../client";
import { loadEvaluationSnapshot } from "./load-snapshot";

// Findings are persisted and kept in step with the data: every write recomputes the accounts it
// touches inside its own transaction. A finding that stops holding is resolved (never deleted); one
// that comes back re-opens with its history; an accepted risk re-opens once its acceptance expires.

export interface RecomputeResult {
  accounts: number;
  opened: number;
  resolved: number;
  reopened: number;
  expired: number;
}

interface ExistingFinding {
  id: string;
  accountId: string;
  key: string;
  status: "OPEN" | "RESOLVED" | "ACCEPTED";
  severity: string;
  evidence: string;
  acceptedUntil: string | null;
}

const keyOf = (accountId: string, rule: string, type: string, id: string) => `${accountId}\u0000${rule}\u0000${type}\u0000${id}`;

export async function loadRiskSettings(tx: Tx, orgId: string): Promise<RiskSettingsOverrides> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  const parsed = riskSettingsOverridesSchema.safeParse(org?.settings ?? {});
  return parsed.success ? parsed.data : {};
}

export async function recomputeAccounts(
  tx: Tx,
  orgId: string,
  accountIds: string[],
  options: { today: string; actorUserId?: string | null; settings?: RiskSettingsOverrides },
): Promise<RecomputeResult> {
  const result: RecomputeResult = { accounts: accountIds.length, opened: 0, resolved: 0, reopened: 0, expired: 0 };
  if (accountIds.length === 0) return result;
  const settings = options.settings ?? (await loadRiskSettings(tx, orgId));
  const { snapshot, targets } = await loadEvaluationSnapshot(tx, orgId, accountIds);
  const evaluation = evaluateSnapshot(snapshot, { asOf: options.today, settings });
  const labels = snapshotLabels(snapshot);

  const firing = new Map<string, Finding>();
  for (const account of evaluation.accounts) {
    if (!targets.has(account.id)) continue;
    for (const f of account.findings) {
      const ids = [f.subject.id, ...Object.values(f.evidenceData).filter((v): v is string => typeof v === "string")];
      firing.set(keyOf(f.accountId, f.rule, f.subject.type, f.subject.id), { ...f, evidence: humaniseEvidence(f.evidence, ids, labels) });
    }
  }

  const existingRows = await tx.$queryRawUnsafe<Omit<ExistingFinding, "key">[] & { ruleId: string; subjectType: string; subjectId: string }[]>(
    `SELECT id, "accountId", "ruleId", "subjectType"::text AS "subjectType", "subjectId", status::text AS status, severity::text AS severity, evidence,
            to_char("acceptedUntil" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "acceptedUntil"
     FROM "Finding" WHERE "orgId" = $1 AND "accountId" = ANY($2::text[])`,
    orgId,
    accountIds,
  );
  const existing = new Map<string, ExistingFinding>();
  for (const row of existingRows as any[]) existing.set(keyOf(row.accountId, row.ruleId, row.subjectType, row.subjectId), { ...row, key: keyOf(row.accountId, row.ruleId, row.subjectType, row.subjectId) });

  const inserts: Finding[] = [];
  const refresh: { id: string; f: Finding; status: string }[] = [];
  const resolve: ExistingFinding[] = [];
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
    } else if (old.status === "ACCEPTED" && old.acceptedUntil !== null && old.acceptedUntil < options.today) {
      status = "OPEN";
      result.expired++;
      audits.push({ accountId: old.accountId, findingId: old.id, action: "finding.acceptance_expired", before: "ACCEPTED", after: "OPEN" });
    }
    if (status === "ACCEPTED") stillAccepted.add(key);
    refresh.push({ id: old.id, f, status });
  }
  for (const [key, old] of existing) {
    if (firing.has(key) || old.status === "RESOLVED") continue;
    resolve.push(old);
    audits.push({ accountId: old.accountId, findingId: old.id, action: "finding.resolved", before: old.status, after: "RESOLVED" });
  }
  result.opened = inserts.length;
  result.resolved = resolve.length;

  if (inserts.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Finding" (id, "orgId", "accountId", "ruleId", severity, "subjectType", "subjectId", evidence, "evidenceData", status, "firstSeenAt", "lastSeenAt")
       SELECT gen_random_uuid()::text, $1, a, r, s::"Severity", st::"SubjectType", sid, e, d::jsonb, 'OPEN', now(), now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(a, r, s, st, sid, e, d)`,
      orgId,
      inserts.map((f) => f.accountId),
      inserts.map((f) => f.rule),
      inserts.map((f) => f.severity),
      inserts.map((f) => f.subject.type),
      inserts.map((f) => f.subject.id),
      inserts.map((f) => f.evidence),
      inserts.map((f) => JSON.stringify(f.evidenceData)),
    );
  }
  if (refresh.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Finding" AS f SET severity = t.s::"Severity", evidence = t.e, "evidenceData" = t.d::jsonb, "lastSeenAt" = now(),
              status = t.st::"FindingStatus",
              "resolvedAt" = CASE WHEN t.st = 'OPEN' THEN NULL ELSE f."resolvedAt" END,
              "acceptedReason" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedReason" END,
              "acceptedUntil" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedUntil" END,
              "acceptedById" = CASE WHEN t.st = 'OPEN' AND f.status <> 'OPEN' THEN NULL ELSE f."acceptedById" END
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, s, e, d, st)
       WHERE f.id = t.id AND f."orgId" = $1`,
      orgId,
      refresh.map((r) => r.id),
      refresh.map((r) => r.f.severity),
      refresh.map((r) => r.f.evidence),
      refresh.map((r) => JSON.stringify(r.f.evidenceData)),
      refresh.map((r) => r.status),
    );
  }
  if (resolve.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "Finding" SET status = 'RESOLVED', "resolvedAt" = now() WHERE "orgId" = $1 AND id = ANY($2::text[])`,
      orgId,
      resolve.map((r) => r.id),
    );
  }

  // Score: open findings only; an accepted risk does not count until its acceptance expires.
  const byAccount = new Map<string, Finding[]>();
  for (const id of accountIds) byAccount.set(id, []);
  for (const [key, f] of firing) if (!stillAccepted.has(key)) byAccount.get(f.accountId)?.push(f);
  const ids = [...byAccount.keys()];
  const scores = ids.map((id) => scoreFindings(byAccount.get(id)!));
  await tx.$executeRawUnsafe(
    `UPDATE "SellerAccount" AS a SET score = t.score, "evaluatedOn" = $4::date
     FROM unnest($2::text[], $3::int[]) AS t(id, score) WHERE a.id = t.id AND a."orgId" = $1`,
    orgId,
    ids,
    scores,
    options.today,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "AccountScoreDaily" ("orgId", "accountId", day, score)
     SELECT $1, t.id, $4::date, t.score FROM unnest($2::text[], $3::int[]) AS t(id, score)
     JOIN "SellerAccount" a ON a.id = t.id AND a."orgId" = $1
     ON CONFLICT ("accountId", day) DO UPDATE SET score = EXCLUDED.score`,
    orgId,
    ids,
    scores,
    options.today,
  );
  if (audits.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("orgId", "actorUserId", action, "entityType", "entityId", "accountId", before, after)
       SELECT $1, $2, t.action, 'Finding', t.fid, t.aid, jsonb_build_object('status', t.b), jsonb_build_object('status', t.a2)
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(action, fid, aid, b, a2)`,
      orgId,
      options.actorUserId ?? null,
      audits.map((a) => a.action),
      audits.map((a) => a.findingId),
      audits.map((a) => a.accountId),
      audits.map((a) => a.before),
      audits.map((a) => a.after),
    );
  }
  return result;
}
