import { describe, expect, it } from "vitest";
import { generateSnapshot } from "../risk/generate";
import type { Snapshot } from "../validation/snapshot";
import { loginsSheetToSnapshot } from "./logins-sheet";
import { snapshotToLoginRows } from "./snapshot-to-sheet";

type Method = Snapshot["accounts"][number]["logins"][number]["twoStep"][number];

/** The 2SV roles of the first login after an export to the logins sheet and its import back. */
function rolesBack(roles: Method["role"][], lang: "ja" | "en"): string[] {
  const snapshot = generateSnapshot(1, 7);
  const login = snapshot.accounts[0].logins[0];
  login.twoStep = roles.map((role, i): Method => ({ kind: i % 2 ? "AUTHENTICATOR_APP" : "SMS", role, deviceId: null, phoneLast4: i % 2 ? null : `12${i}4` }));
  const back = loginsSheetToSnapshot(snapshotToLoginRows(snapshot, lang));
  if (!back.ok) throw new Error(JSON.stringify(back.problems));
  const account = (back.snapshot as Snapshot).accounts[0];
  return account.logins.find((l) => l.id === login.id)!.twoStep.map((m) => m.role);
}

describe("an exported logins sheet imports back with every 2SV role as stored", () => {
  for (const lang of ["ja", "en"] as const) {
    it(`keeps the roles whatever their order (${lang})`, () => {
      for (const roles of [["PRIMARY", "BACKUP"], ["BACKUP", "PRIMARY"], ["PRIMARY", "PRIMARY"], ["BACKUP", "BACKUP", "PRIMARY"], ["BACKUP"], []] as Method["role"][][]) {
        expect(rolesBack(roles, lang), roles.join(",")).toEqual(roles);
      }
    });
  }
});
