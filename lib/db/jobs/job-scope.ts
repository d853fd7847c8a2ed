import "server-only";
import { resolveScope, type Scope } from "../scope";

// A background job acts for one member in one organisation's records. A portal member's records are the
// agency's (their scope's orgId is the agency's, reached through their membership of the client's own
// organisation), so "the member's scope in organisation X" is the membership whose scope reads X.

/** The member's scope whose records are `orgId`'s; `viaOrgId` picks the membership first (a portal's organisation). Null when none. */
export async function scopeInOrganisation(userId: string, orgId: string, viaOrgId?: string | null): Promise<Scope | null> {
  const first = await resolveScope(userId, viaOrgId ?? orgId);
  if (!first || first.orgId === orgId) return first;
  for (const membership of first.memberships) {
    const scope = await resolveScope(userId, membership.orgId);
    if (scope?.orgId === orgId) return scope;
  }
  return null;
}
