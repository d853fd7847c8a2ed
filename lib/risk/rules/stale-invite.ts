import { agoOn, describeLogin, loginEvidence, loginSubject, makeFinding } from "../finding";
import type { AccountRule, Finding } from "../types";

/** The one rule that looks at INVITED logins. */
export const staleInviteRule: AccountRule = {
  id: "STALE_INVITE",
  severity: "low",
  scope: "account",
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const login of ctx.account.logins) {
      if (login.status !== "INVITED" || login.invitedAt === null) continue;
      const invited = ctx.day(login.invitedAt);
      const age = ctx.asOf - invited;
      if (age < ctx.settings.staleInviteDays) continue;
      findings.push(
        makeFinding(ctx.account.id, "STALE_INVITE", "low", loginSubject(login), `invitation for ${describeLogin(login)} still pending, sent ${agoOn(age, invited)}`, loginEvidence(login, {
          invitedAt: login.invitedAt,
          ageDays: age,
          thresholdDays: ctx.settings.staleInviteDays,
        })),
      );
    }
    return findings;
  },
};
