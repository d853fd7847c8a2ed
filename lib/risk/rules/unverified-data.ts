import { agoOn, makeFinding } from "../finding";
import type { AccountRule } from "../types";

export const unverifiedDataRule: AccountRule = {
  id: "UNVERIFIED_DATA",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    const { account, settings } = ctx;
    if (account.lastVerifiedAt === null) {
      findings.push(
        makeFinding(account.id, "UNVERIFIED_DATA", "medium", { type: "account", id: account.id }, "access data has never been verified against Seller Central", {
          lastVerifiedAt: null,
          ageDays: null,
          thresholdDays: settings.unverifiedDataDays,
        }),
      );
      return;
    }
    const verified = ctx.day(account.lastVerifiedAt);
    const age = ctx.asOf - verified;
    if (age < settings.unverifiedDataDays) return;
    findings.push(
      makeFinding(account.id, "UNVERIFIED_DATA", "medium", { type: "account", id: account.id }, `access data last verified against Seller Central ${agoOn(age, verified)}`, {
        lastVerifiedAt: account.lastVerifiedAt,
        ageDays: age,
        thresholdDays: settings.unverifiedDataDays,
      }),
    );
  },
};
