import "server-only";
import { isOrgAdmin, type Scope } from "../scope";

// Who may run campaigns (decision 018): an agency Owner/Admin over any of its clients, or a client-owner
// portal member who is Owner/Admin of the client's own organisation, over that client's accounts.

export function canStartCampaign(scope: Scope): boolean {
  if (scope.portal) return scope.portal.memberRole === "OWNER" || scope.portal.memberRole === "ADMIN";
  return isOrgAdmin(scope);
}

/** Manages this campaign: sees every item (within its scope), decides any item that is not their own access. */
export function managesCampaign(scope: Scope, campaign: { startedById: string; portalClientId: string | null }): boolean {
  if (campaign.startedById === scope.userId) return true;
  if (scope.portal) return canStartCampaign(scope) && campaign.portalClientId !== null && (scope.clientIds ?? []).includes(campaign.portalClientId);
  return isOrgAdmin(scope);
}
