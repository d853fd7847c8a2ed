import { describePerson, makeFinding } from "../finding";
import type { AccountRule } from "../types";

/** Professional accounts only: an Individual account has no User Permissions to share admin rights with. */
export const singleAdminRule: AccountRule = {
  id: "SINGLE_ADMIN",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    if (ctx.account.plan !== "PROFESSIONAL") return;
    const admins = ctx.adminPeople();
    if (admins.length !== 1) return;
    const admin = admins[0];
    findings.push(
      makeFinding(
        ctx.account.id,
        "SINGLE_ADMIN",
        "medium",
        { type: "account", id: ctx.account.id },
        `only one person can administer this Professional account: ${describePerson(ctx.person(admin), admin)}`,
        { adminCount: 1, adminPersonId: admin },
      ),
    );
  },
};
