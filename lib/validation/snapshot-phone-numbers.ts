import { containsPhoneNumber } from "./phone-number";
import { formatPath, type Snapshot, type SnapshotError } from "./snapshot";

// Gatehouse never stores a full phone number (DOMAIN.md); the forms refuse one in a device's or a 2SV method's
// label (phone-number.ts). A snapshot's only free text beside a 2SV method is its device's label. SNAPSHOT.md
// forbids nothing there, so `gatehouse audit` and POST /api/v1/audit, which store nothing, read such a file as
// valid; every path that stores a snapshot (upsertSnapshot: the import page, POST /api/v1/snapshots) refuses it.

/** A device label holding what reads as a full phone number, named by its path. */
export function phoneNumberErrors(snapshot: Snapshot): SnapshotError[] {
  const errors: SnapshotError[] = [];
  snapshot.devices.forEach((device, i) => {
    if (device.label && containsPhoneNumber(device.label)) errors.push(phoneNumberInLabel(formatPath(["devices", i, "label"])));
  });
  return errors;
}

export const phoneNumberInLabel = (path: string): SnapshotError => ({
  path,
  message: "holds what looks like a full phone number: Gatehouse never stores one (record only a 2SV method's last four digits, in phoneLast4)",
  reason: { key: "phoneNumberInLabel" },
});
