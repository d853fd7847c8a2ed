import { agoOn, makeFinding } from "../finding";
import type { AccountRule } from "../types";

export const stalePartnerLinkRule: AccountRule = {
  id: "STALE_PARTNER_LINK",
  severity: "low",
  scope: "account",
  evaluate(ctx, findings) {
    for (const partner of ctx.account.partners) {
      if (partner.acceptedAt !== null || partner.linkSentAt === null) continue;
      const sent = ctx.day(partner.linkSentAt);
      const age = ctx.asOf - sent;
      if (age < ctx.settings.stalePartnerLinkDays) continue;
      findings.push(
        makeFinding(
          ctx.account.id,
          "STALE_PARTNER_LINK",
          "low",
          { type: "partner", id: partner.id },
          `Authorized Partner link for ${partner.company} sent ${agoOn(age, sent)} and not accepted`,
          { partnerId: partner.id, company: partner.company, linkSentAt: partner.linkSentAt, ageDays: age, thresholdDays: ctx.settings.stalePartnerLinkDays },
        ),
      );
    }
  },
};
