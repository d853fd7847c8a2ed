import { formatDay } from "../../dates";
import { makeFinding, plural } from "../finding";
import type { AccountRule, Severity } from "../types";

/** low from warnDays before expiry through the expiry day itself; medium once past. */
export function appExpirySeverity(daysToExpiry: number, warnDays: number): Severity | null {
  if (daysToExpiry < 0) return "medium";
  return daysToExpiry <= warnDays ? "low" : null;
}

function describeExpiry(days: number, date: string): string {
  if (days > 0) return `expires in ${plural(days, "day")} on ${date}`;
  if (days === 0) return `expires today (${date})`;
  return `expired ${plural(-days, "day")} ago on ${date}`;
}

export const appAuthExpiringRule: AccountRule = {
  id: "APP_AUTH_EXPIRING",
  severity: appExpirySeverity,
  scope: "account",
  evaluate(ctx, findings) {
    for (const app of ctx.account.apps) {
      if (app.expiresAt === null) continue;
      const expiry = ctx.day(app.expiresAt);
      const days = expiry - ctx.asOf;
      const severity = appExpirySeverity(days, ctx.settings.appExpiryWarnDays);
      if (severity === null) continue;
      const evidence = `authorisation of app "${app.name}" ${describeExpiry(days, formatDay(expiry))}`;
      findings.push(
        makeFinding(ctx.account.id, "APP_AUTH_EXPIRING", severity, { type: "app", id: app.id }, evidence, {
          appId: app.id,
          appName: app.name,
          developer: app.developer,
          expiresAt: app.expiresAt,
          daysToExpiry: days,
          warnDays: ctx.settings.appExpiryWarnDays,
        }),
      );
    }
  },
};
