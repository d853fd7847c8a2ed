import { describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const no2svRule: AccountRule = {
  id: "NO_2SV",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.twoStep.length !== 0) continue;
      findings.push(
        loginFinding(
          ctx, "NO_2SV", "critical", login,
          `${describeLogin(login)} has no 2-step verification method`,
          { methodCount: 0 },
        ),
      );
    }
  },
};
