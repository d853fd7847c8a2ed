import { describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

/** A primary login with methods but none in the BACKUP role; one with no method at all is NO_2SV's. */
export const primaryNoBackupRule: AccountRule = {
  id: "PRIMARY_NO_BACKUP",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.role !== "PRIMARY" || login.twoStep.length === 0) continue;
      if (login.twoStep.some((method) => method.role === "BACKUP")) continue;
      findings.push(
        loginFinding(
          ctx, "PRIMARY_NO_BACKUP", "high", login,
          `${describeLogin(login)} has ${login.twoStep.length === 1 ? "one 2SV method" : `${login.twoStep.length} 2SV methods`}, none registered as a backup`,
          { methodCount: login.twoStep.length, backupCount: 0 },
        ),
      );
    }
  },
};
