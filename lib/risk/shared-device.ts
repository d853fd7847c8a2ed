import type { Device } from "../validation/snapshot";
import { makeOrganisationFinding } from "./finding";
import { sortStrings } from "./sorted";
import type { AccountFinding, RuleId, Severity, SnapshotIndex } from "./types";

function describeDevice(device: Device | undefined, deviceId: string): string {
  if (device === undefined) return `device ${deviceId}`;
  const label = device.label === null ? device.kind : `"${device.label}", ${device.kind}`;
  const holder = device.holderId === null ? "" : `, held by ${device.holderId}`;
  return `device ${deviceId} (${label}${holder})`;
}

/**
 * Findings for devices whose 2SV methods belong to two or more people's ACTIVE logins, one per account
 * the device touches. Lists are sorted so the text does not depend on the order of accounts.
 */
export function sharedDeviceFindings(
  index: SnapshotIndex,
  rule: RuleId,
  severity: Severity,
  applies: (device: Device | undefined) => boolean,
  problem: string,
): AccountFinding[] {
  const accounts = index.snapshot.accounts;
  const findings: AccountFinding[] = [];
  for (const usage of index.sharedDevices().values()) {
    const device = usage.device;
    if (!applies(device)) continue;
    const people = sortStrings([...usage.people]).join(", ");
    const accountCount = usage.logins.size;
    const across = accountCount === 1 ? "" : ` across ${accountCount} accounts`;
    for (const [accountIndex, loginIds] of usage.logins) {
      const here = sortStrings(loginIds.slice()).join(", ");
      const finding = makeOrganisationFinding(
        accounts[accountIndex].id,
        rule,
        severity,
        { type: "device", id: usage.deviceId },
        `${describeDevice(device, usage.deviceId)} ${problem} of ${usage.people.size} people's logins (${people})${across}; on this account: ${here}`,
        {
          deviceId: usage.deviceId,
          deviceKind: device?.kind ?? null,
          deviceLabel: device?.label ?? null,
          holderId: device?.holderId ?? null,
          peopleCount: usage.people.size,
          people,
          accountCount,
          loginIds: here,
        },
      );
      findings.push({ accountIndex, finding });
    }
  }
  return findings;
}
