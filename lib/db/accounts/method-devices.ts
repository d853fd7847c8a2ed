import "server-only";
import { AppError } from "@/lib/errors";
import type { DeviceKind } from "../generated/enums";
import { clientReach } from "../client-reach";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";

/** A device a 2SV method of this account could be linked to, and why it is offered. */
export interface MethodDeviceChoice {
  id: string;
  label: string | null;
  kind: DeviceKind;
  holder: { id: string; name: string } | null;
  /** Already used by a 2SV method of this account; otherwise offered as a device of someone who holds one of its logins. */
  onAccount: boolean;
}

/**
 * The devices a 2SV method of this account can sensibly be on (probe 45, M3): those its methods already use, and
 * every device held by a person who owns or uses one of its logins — a phone added on the person's page included,
 * which the method form never offered (it listed only devices already used here, so SHARED_2SV_DEVICE and
 * OTP_SKIP_ON_SHARED_DEVICE could not come from typed-in data). Only this organisation's devices; for a
 * client-restricted member, only those the method write accepts (decision 082: a device no account of their
 * clients reaches yet is not theirs to link). Another tenant's account, or one outside the member's clients, is
 * NOT_FOUND.
 */
export async function methodDeviceChoices(scope: Scope, accountId: string): Promise<MethodDeviceChoice[]> {
  const db = dbFor(scope);
  const account = await db.sellerAccount.findFirst({
    where: { id: accountId, ...accountScopeWhere(scope) },
    select: { logins: { select: { personId: true, usedBy: { select: { personId: true } }, twoStepMethods: { select: { deviceId: true } } } } },
  });
  if (!account) throw new AppError("NOT_FOUND", "Account not found");
  const holders = new Set(account.logins.flatMap((l) => [l.personId, ...l.usedBy.map((u) => u.personId)]));
  const used = new Set(account.logins.flatMap((l) => l.twoStepMethods.map((m) => m.deviceId)).filter((id): id is string => id !== null));
  const devices = await db.device.findMany({
    where: { orgId: scope.orgId, OR: [{ id: { in: [...used] } }, { holderId: { in: [...holders] } }] },
    select: { id: true, label: true, kind: true, holder: { select: { id: true, name: true } } },
    orderBy: [{ label: "asc" }, { id: "asc" }],
  });
  const seen = scope.clientIds
    ? (await clientReach(db, scope.orgId, scope.clientIds, { people: [], devices: devices.filter((d) => !used.has(d.id)).map((d) => d.id) })).seen.devices
    : null;
  return devices
    .filter((d) => used.has(d.id) || !seen || seen.has(d.id))
    .map((d) => ({ id: d.id, label: d.label, kind: d.kind, holder: d.holder, onAccount: used.has(d.id) }));
}
