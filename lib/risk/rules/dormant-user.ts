import { agoOn, describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

/** Secondary users only: the primary user cannot be removed, and DORMANT_ACCOUNT covers an idle owner. */
export const dormantUserRule: AccountRule = {
  id: "DORMANT_USER",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    const { dormantUserDays, neverLoggedInGraceDays } = ctx.settings;
    for (const login of ctx.activeLogins) {
      if (login.role !== "SECONDARY") continue;
      if (login.lastLoginAt !== null) {
        const last = ctx.day(login.lastLoginAt);
        const age = ctx.asOf - last;
        if (age < dormantUserDays) continue;
        findings.push(
          loginFinding(
            ctx, "DORMANT_USER", "medium", login,
            `${describeLogin(login)} last logged in ${agoOn(age, last)}`,
            { lastLoginAt: login.lastLoginAt, ageDays: age, thresholdDays: dormantUserDays },
          ),
        );
      } else if (login.acceptedAt !== null) {
        const accepted = ctx.day(login.acceptedAt);
        const age = ctx.asOf - accepted;
        if (age < neverLoggedInGraceDays) continue;
        findings.push(
          loginFinding(
            ctx, "DORMANT_USER", "medium", login,
            `${describeLogin(login)} has never logged in since accepting the invitation ${agoOn(age, accepted)}`,
            { lastLoginAt: null, acceptedAt: login.acceptedAt, ageDays: age, thresholdDays: neverLoggedInGraceDays },
          ),
        );
      }
    }
  },
};
