import { describe, expect, it } from "vitest";
import { account, adminLogin, device, findingsOf, login, method, primaryLogin, snapshot } from "../test-factory";

const office = device("d-office", { label: "Office iPhone", holderId: "p-owner" });
const onOffice = [method("SMS", "PRIMARY", "d-office"), method("AUTHENTICATOR_APP", "BACKUP", "d-office-app")];

describe("SHARED_2SV_DEVICE", () => {
  it("fires on the device when two people's logins use it", () => {
    const snap = snapshot({
      devices: [office],
      accounts: [account({ logins: [primaryLogin({ twoStep: onOffice }), adminLogin({ twoStep: onOffice })] })],
    });
    const findings = findingsOf("SHARED_2SV_DEVICE", snap);
    // both d-office and d-office-app are shared
    expect(findings.map((f) => [f.severity, f.subject.type, f.subject.id, f.accountId])).toEqual([
      ["high", "device", "d-office", "acc-1"],
      ["high", "device", "d-office-app", "acc-1"],
    ]);
    expect(findings[0].evidence).toBe(
      'device d-office ("Office iPhone", PHONE, held by p-owner) is a 2SV method of 2 people\'s logins (p-admin, p-owner); on this account: l-admin, l-owner',
    );
  });

  it("looks across accounts and reports under each account touched", () => {
    const shared = [method("AUTHENTICATOR_APP", "BACKUP", "d-office"), method("SMS", "PRIMARY", "d-own")];
    const snap = snapshot({
      devices: [office],
      accounts: [
        account({ id: "acc-1", logins: [primaryLogin({ twoStep: [method("SMS", "PRIMARY", "d-office"), method("AUTHENTICATOR_APP", "BACKUP", "d-o2")] }), adminLogin()] }),
        account({ id: "acc-2", logins: [primaryLogin({ id: "l-2", personId: "p-two", twoStep: shared }), adminLogin()] }),
        account({ id: "acc-3" }),
      ],
    });
    const findings = findingsOf("SHARED_2SV_DEVICE", snap);
    expect(findings.map((f) => [f.accountId, f.subject.id])).toEqual([
      ["acc-1", "d-office"],
      ["acc-2", "d-office"],
    ]);
    expect(findings[1].evidence).toContain("(p-owner, p-two) across 2 accounts; on this account: l-2");
    expect(findings[1].evidenceData).toMatchObject({ peopleCount: 2, accountCount: 2, loginIds: "l-2" });
  });

  it("does not fire for one person's several logins on one device", () => {
    const snap = snapshot({
      accounts: [
        account({ id: "acc-1", logins: [primaryLogin(), adminLogin()] }),
        account({ id: "acc-2", logins: [primaryLogin({ id: "l-other" }), adminLogin()] }),
      ],
    });
    expect(findingsOf("SHARED_2SV_DEVICE", snap)).toEqual([]);
  });

  it("counts only ACTIVE logins", () => {
    const snap = snapshot({
      devices: [office],
      accounts: [account({ logins: [primaryLogin({ twoStep: onOffice }), adminLogin(), login("l-old", "p-old", { status: "REMOVED", twoStep: onOffice })] })],
    });
    expect(findingsOf("SHARED_2SV_DEVICE", snap)).toEqual([]);
  });
});
