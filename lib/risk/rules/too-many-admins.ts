import { makeFinding } from "../finding";
import { sortStrings } from "../sorted";
import type { AccountRule } from "../types";

export const tooManyAdminsRule: AccountRule = {
  id: "TOO_MANY_ADMINS",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    const admins = ctx.adminPeople();
    const limit = ctx.settings.maxAdmins;
    if (admins.length <= limit) return;
    const names = sortStrings(admins.slice()).join(", ");
    findings.push(
      makeFinding(
        ctx.account.id,
        "TOO_MANY_ADMINS",
        "medium",
        { type: "account", id: ctx.account.id },
        `${admins.length} people can administer the account (limit ${limit}): ${names}`,
        { adminCount: admins.length, maxAdmins: limit, admins: names },
      ),
    );
  },
};
