import { describeLogin, loginFinding } from "../finding";
import { sortedDistinct } from "../sorted";
import type { AccountRule } from "../types";

export const smsOnlyRule: AccountRule = {
  id: "SMS_ONLY",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.twoStep.length === 0) continue;
      if (login.twoStep.some((method) => method.kind === "AUTHENTICATOR_APP")) continue;
      const kinds = sortedDistinct(login.twoStep.map((method) => method.kind)).join(", ");
      findings.push(
        loginFinding(
          ctx, "SMS_ONLY", "medium", login,
          `every 2SV method of ${describeLogin(login)} is by phone (${kinds}); no authenticator app`,
          { methodCount: login.twoStep.length, methodKinds: kinds },
        ),
      );
    }
  },
};
