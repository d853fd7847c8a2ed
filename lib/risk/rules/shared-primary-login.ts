import { describeLogin, loginFinding } from "../finding";
import { sortedDistinct } from "../sorted";
import type { AccountRule } from "../types";

export const sharedPrimaryLoginRule: AccountRule = {
  id: "SHARED_PRIMARY_LOGIN",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.role !== "PRIMARY" || login.usedBy.every((personId) => personId === login.personId)) continue;
      const others = sortedDistinct(login.usedBy.filter((personId) => personId !== login.personId));
      if (others.length === 0) continue;
      findings.push(
        loginFinding(
          ctx, "SHARED_PRIMARY_LOGIN", "critical", login,
          `${describeLogin(login)} of ${login.personId} is also used by ${others.length === 1 ? "1 other person" : `${others.length} other people`}: ${others.join(", ")}`,
          { otherUsers: others.join(","), otherUserCount: others.length },
        ),
      );
    }
  },
};
