import { agoOn, describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const offboardedStillActiveRule: AccountRule = {
  id: "OFFBOARDED_STILL_ACTIVE",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.notableLogins) {
      if (!ctx.isDeparted(login.personId)) continue;
      const departedAt = ctx.notablePerson(login.personId)?.departedAt as string;
      const departed = ctx.day(departedAt);
      findings.push(
        loginFinding(
          ctx, "OFFBOARDED_STILL_ACTIVE", "critical", login,
          `${describeLogin(login)} is still active although ${login.personId} departed ${agoOn(ctx.asOf - departed, departed)}`,
          { departedAt, daysSinceDeparture: ctx.asOf - departed },
        ),
      );
    }
  },
};
