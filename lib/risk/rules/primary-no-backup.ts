import { describeLogin, loginEvidence, loginSubject, makeFinding, plural } from "../finding";
import type { AccountRule, Finding } from "../types";

/** A primary login with methods but none in the BACKUP role; one with no method at all is NO_2SV's. */
export const primaryNoBackupRule: AccountRule = {
  id: "PRIMARY_NO_BACKUP",
  severity: "high",
  scope: "account",
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const login of ctx.activeLogins) {
      if (login.role !== "PRIMARY" || login.twoStep.length === 0) continue;
      if (login.twoStep.some((method) => method.role === "BACKUP")) continue;
      findings.push(
        makeFinding(
          ctx.account.id,
          "PRIMARY_NO_BACKUP",
          "high",
          loginSubject(login),
          `${describeLogin(login)} has ${plural(login.twoStep.length, "2SV method")}, none registered as a backup`,
          loginEvidence(login, { methodCount: login.twoStep.length, backupCount: 0 }),
        ),
      );
    }
    return findings;
  },
};
