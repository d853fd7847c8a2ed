import { agoOn, makeFinding, plural } from "../finding";
import type { AccountRule } from "../types";

/** Any login's activity counts, whatever its status now: the question is whether anyone used the account. */
export const dormantAccountRule: AccountRule = {
  id: "DORMANT_ACCOUNT",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    const { account, settings } = ctx;
    let newest: number | null = null;
    let newestDate: string | null = null;
    for (const login of account.logins) {
      if (login.lastLoginAt === null) continue;
      const day = ctx.day(login.lastLoginAt);
      if (newest === null || day > newest) {
        newest = day;
        newestDate = login.lastLoginAt;
      }
    }
    if (newest === null) {
      findings.push(
        makeFinding(account.id, "DORMANT_ACCOUNT", "high", { type: "account", id: account.id }, `no login recorded on any of the account's ${plural(account.logins.length, "login")}`, {
          lastLoginAt: null,
          ageDays: null,
          thresholdDays: settings.dormantAccountDays,
        }),
      );
      return;
    }
    const age = ctx.asOf - newest;
    if (age < settings.dormantAccountDays) return;
    findings.push(
      makeFinding(account.id, "DORMANT_ACCOUNT", "high", { type: "account", id: account.id }, `the most recent login to the account was ${agoOn(age, newest)}`, {
        lastLoginAt: newestDate,
        ageDays: age,
        thresholdDays: settings.dormantAccountDays,
      }),
    );
  },
};
