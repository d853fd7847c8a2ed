import { describeLogin, loginEvidence, loginSubject, makeFinding } from "../finding";
import type { AccountRule, Finding } from "../types";

export const passwordReusedRule: AccountRule = {
  id: "PASSWORD_REUSED",
  severity: "high",
  scope: "account",
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const login of ctx.activeLogins) {
      if (!login.passwordReused) continue;
      findings.push(
        makeFinding(ctx.account.id, "PASSWORD_REUSED", "high", loginSubject(login), `the password of ${describeLogin(login)} is attested as reused elsewhere`, loginEvidence(login, {
          passwordReused: true,
        })),
      );
    }
    return findings;
  },
};
