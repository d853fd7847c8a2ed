import { describe, expect, it } from "vitest";
import { parseSnapshot, type Snapshot } from "./snapshot";
import { phoneNumberErrors } from "./snapshot-phone-numbers";

function snapshotWithDevices(labels: (string | null)[]): Snapshot {
  const parsed = parseSnapshot({
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-1", name: "Sato" }],
    devices: labels.map((label, i) => ({ id: `d-${i}`, kind: "PHONE", label, holderId: "p-1" })),
    accounts: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.snapshot;
}

describe("phoneNumberErrors", () => {
  it("names each device label that holds a full phone number, and no other", () => {
    const errors = phoneNumberErrors(snapshotWithDevices(["iPhone 15", "Sato +81 90-1234-5678", null, "Pixel 8a (2026-12-07)", "０９０-１２３４-５６７８"]));
    expect(errors.map((e) => [e.path, e.reason?.key])).toEqual([
      ["devices[1].label", "phoneNumberInLabel"],
      ["devices[4].label", "phoneNumberInLabel"],
    ]);
  });

  it("finds nothing in a snapshot without devices", () => {
    expect(phoneNumberErrors(snapshotWithDevices([]))).toEqual([]);
  });
});
