import { agoOn, makeFinding } from "../finding";
import type { AccountRule } from "../types";

export const unverifiedDataRule: AccountRule = {
  id: "UNVERIFIED_DATA",
  severity: "medium",
  scope: "account",
  evaluate(ctx) {
    const { account, settings } = ctx;
    const subject = { type: "account" as const, id: account.id };
    if (account.lastVerifiedAt === null) {
      return [
        makeFinding(account.id, "UNVERIFIED_DATA", "medium", subject, "access data has never been verified against Seller Central", {
          lastVerifiedAt: null,
          ageDays: null,
          thresholdDays: settings.unverifiedDataDays,
        }),
      ];
    }
    const verified = ctx.day(account.lastVerifiedAt);
    const age = ctx.asOf - verified;
    if (age < settings.unverifiedDataDays) return [];
    return [
      makeFinding(account.id, "UNVERIFIED_DATA", "medium", subject, `access data last verified against Seller Central ${agoOn(age, verified)}`, {
        lastVerifiedAt: account.lastVerifiedAt,
        ageDays: age,
        thresholdDays: settings.unverifiedDataDays,
      }),
    ];
  },
};
