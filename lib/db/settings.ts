import "server-only";
import { AppError } from "@/lib/errors";
import { resolveSettings } from "@/lib/risk";
import type { RiskSettings } from "@/lib/validation/snapshot";
import type { UpdateRiskSettingsInput } from "@/lib/validation/settings";
import { loadRiskSettings } from "./risk/recompute";
import { isOrgAdmin, type Scope } from "./scope";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { audit } from "./write-context";
import { dbFor } from "./tenant";

export async function getRiskSettings(scope: Scope): Promise<RiskSettings> {
  const overrides = await dbFor(scope).$transaction((tx) => loadRiskSettings(tx, scope.orgId));
  return resolveSettings(overrides);
}

/**
 * Saves thresholds, then queues the recompute of every account of the organisation (a job: at 50,000
 * accounts it outlasts any request; the worker starts it within seconds, see lib/jobs).
 */
export async function updateRiskSettings(scope: Scope, input: UpdateRiskSettingsInput): Promise<{ recomputeJob: string | null }> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins change settings");
  const before = await getRiskSettings(scope);
  await dbFor(scope).$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: scope.orgId }, select: { settings: true } });
    const current = (org.settings && typeof org.settings === "object" ? org.settings : {}) as Record<string, unknown>;
    await tx.organization.update({ where: { id: scope.orgId }, data: { settings: { ...current, ...input } } });
    await audit(tx, scope, { action: "settings.risk_updated", entityType: "Organization", entityId: scope.orgId, before, after: input });
  });
  return { recomputeJob: await enqueueJob("risk.recompute-organisation", { orgId: scope.orgId }) };
}

/** Whether every member must use two-factor sign-in (members without it are sent to enrol). */
export async function setRequireTwoFactor(scope: Scope, required: boolean): Promise<void> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins change settings");
  await dbFor(scope).$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: scope.orgId }, select: { requireTwoFactor: true } });
    await tx.organization.update({ where: { id: scope.orgId }, data: { requireTwoFactor: required } });
    await audit(tx, scope, { action: "settings.require_two_factor", entityType: "Organization", entityId: scope.orgId, before, after: { requireTwoFactor: required } });
  });
}
