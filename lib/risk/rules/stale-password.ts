import type { RiskSettings } from "../../validation/snapshot";
import { agoOn, describeLogin, loginFinding } from "../finding";
import type { AccountRule, Severity } from "../types";

/** stalePasswordDays 0 turns the rule off; stalePasswordHighDays 0 turns off only the high tier. */
export function stalePasswordSeverity(ageDays: number, settings: RiskSettings): Severity | null {
  if (settings.stalePasswordDays === 0) return null;
  if (settings.stalePasswordHighDays > 0 && ageDays >= settings.stalePasswordHighDays) return "high";
  return ageDays >= settings.stalePasswordDays ? "medium" : null;
}

export const stalePasswordRule: AccountRule = {
  id: "STALE_PASSWORD",
  severity: stalePasswordSeverity,
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.role !== "PRIMARY" || login.passwordChangedAt === null) continue;
      const changed = ctx.day(login.passwordChangedAt);
      const age = ctx.asOf - changed;
      const severity = stalePasswordSeverity(age, ctx.settings);
      if (severity === null) continue;
      findings.push(
        loginFinding(
          ctx, "STALE_PASSWORD", severity, login,
          `password of ${describeLogin(login)} changed ${agoOn(age, changed)}`,
          { passwordChangedAt: login.passwordChangedAt, ageDays: age, thresholdDays: severity === "high" ? ctx.settings.stalePasswordHighDays : ctx.settings.stalePasswordDays },
        ),
      );
    }
  },
};
