import "server-only";
import type { Tx } from "../client";
import { accountsUsingDevices } from "../write-context";

/**
 * Every account whose findings depend on whether this person has departed: the logins they own or use,
 * their Ads/Brand Registry access, and the 2SV devices they hold. Offboarding and its cancellation both
 * recompute exactly these.
 */
export async function accountsTouchedByPerson(tx: Tx, orgId: string, personId: string): Promise<string[]> {
  const logins = await tx.login.findMany({ where: { orgId, OR: [{ personId }, { usedBy: { some: { orgId, personId } } }] }, select: { accountId: true } });
  const otherAccess = await tx.otherAccess.findMany({ where: { orgId, personId }, select: { accountId: true } });
  const devices = await tx.device.findMany({ where: { orgId, holderId: personId }, select: { id: true } });
  const viaDevices = await accountsUsingDevices(tx, orgId, devices.map((d) => d.id));
  return [...new Set([...logins.map((l) => l.accountId), ...otherAccess.map((o) => o.accountId), ...viaDevices])];
}
