import { describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const passwordReusedRule: AccountRule = {
  id: "PASSWORD_REUSED",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (!login.passwordReused) continue;
      findings.push(
        loginFinding(
          ctx, "PASSWORD_REUSED", "high", login,
          `the password of ${describeLogin(login)} is attested as reused elsewhere`,
          { passwordReused: true },
        ),
      );
    }
  },
};
