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
      // SNAPSHOT.md pins "or none is recorded", so an account with no logins typed in yet fires too; its evidence
      // says that the logins are missing rather than counting "0 logins" (probe 45, L5).
      const none = account.logins.length === 0;
      findings.push(
        makeFinding(account.id, "DORMANT_ACCOUNT", "high", { type: "account", id: account.id },
          none ? "no logins are recorded for the account yet, so no sign-in to it can be seen" : `no login recorded on any of the account's ${plural(account.logins.length, "login")}`, {
          lastLoginAt: null,
          ageDays: null,
          thresholdDays: settings.dormantAccountDays,
          ...(none ? { noLogins: true } : {}),
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
