import { describeLogin, makeFinding } from "../finding";
import type { AccountRule } from "../types";

/**
 * Seller Central never lets the primary user be disabled or removed, so an ACTIVE account without an ACTIVE
 * PRIMARY login means either the record is wrong or the only login that can grant permissions is lost
 * (SNAPSHOT.md, added 2026-12-04). A suspended or deactivated account is SUSPENDED's business.
 */
export const noActivePrimaryRule: AccountRule = {
  id: "NO_ACTIVE_PRIMARY",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    const { account } = ctx;
    if (account.status !== "ACTIVE") return;
    // The primary login is almost always first among the active ones: this loop is the whole cost per account.
    for (const login of ctx.activeLogins) if (login.role === "PRIMARY") return;

    const primaries = account.logins.filter((login) => login.role === "PRIMARY");
    const evidence =
      primaries.length === 0
        ? "no primary login is recorded for this active account"
        : `no active primary login: ${primaries.map((login) => `${describeLogin(login)} is ${login.status}`).join("; ")}`;
    const first = primaries[0];
    findings.push(
      makeFinding(account.id, "NO_ACTIVE_PRIMARY", "critical", { type: "account", id: account.id }, evidence, {
        primaryCount: primaries.length,
        role: "PRIMARY",
        loginId: first?.id ?? null,
        email: first?.email ?? null,
        loginStatus: first?.status ?? null,
        personId: first?.personId ?? null,
        primaryLogins: primaries.map((login) => `${login.id}:${login.status}`).join(","),
      }),
    );
  },
};
