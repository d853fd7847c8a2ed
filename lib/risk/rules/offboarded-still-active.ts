import { agoOn, describeLogin, loginEvidence, loginSubject, makeFinding } from "../finding";
import type { AccountRule, Finding } from "../types";

export const offboardedStillActiveRule: AccountRule = {
  id: "OFFBOARDED_STILL_ACTIVE",
  severity: "critical",
  scope: "account",
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const login of ctx.activeLogins) {
      if (!ctx.isDeparted(login.personId)) continue;
      const departedAt = ctx.person(login.personId)?.departedAt as string;
      const departed = ctx.day(departedAt);
      findings.push(
        makeFinding(
          ctx.account.id,
          "OFFBOARDED_STILL_ACTIVE",
          "critical",
          loginSubject(login),
          `${describeLogin(login)} is still active although ${login.personId} departed ${agoOn(ctx.asOf - departed, departed)}`,
          loginEvidence(login, { departedAt, daysSinceDeparture: ctx.asOf - departed }),
        ),
      );
    }
    return findings;
  },
};
