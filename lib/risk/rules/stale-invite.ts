import { agoOn, describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

/** The one rule that looks at INVITED logins. */
export const staleInviteRule: AccountRule = {
  id: "STALE_INVITE",
  severity: "low",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.account.logins) {
      if (login.status !== "INVITED" || login.invitedAt === null) continue;
      const invited = ctx.day(login.invitedAt);
      const age = ctx.asOf - invited;
      if (age < ctx.settings.staleInviteDays) continue;
      findings.push(
        loginFinding(
          ctx, "STALE_INVITE", "low", login,
          `invitation for ${describeLogin(login)} still pending, sent ${agoOn(age, invited)}`,
          { invitedAt: login.invitedAt, ageDays: age, thresholdDays: ctx.settings.staleInviteDays },
        ),
      );
    }
  },
};
