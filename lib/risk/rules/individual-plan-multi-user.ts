import { makeFinding } from "../finding";
import { sortedDistinct } from "../sorted";
import type { AccountRule } from "../types";

/** People are the owners and attested users of the account's ACTIVE logins. */
export const individualPlanMultiUserRule: AccountRule = {
  id: "INDIVIDUAL_PLAN_MULTI_USER",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    const { account } = ctx;
    if (account.plan !== "INDIVIDUAL") return;
    const users: string[] = [];
    for (const login of ctx.activeLogins) {
      users.push(login.personId);
      for (const personId of login.usedBy) users.push(personId);
    }
    const people = sortedDistinct(users);
    if (people.length < 2) return;
    const names = people.join(", ");
    findings.push(
      makeFinding(
        account.id,
        "INDIVIDUAL_PLAN_MULTI_USER",
        "high",
        { type: "account", id: account.id },
        `Individual-plan account (no User Permissions) is used by ${people.length} people: ${names}`,
        { plan: account.plan, peopleCount: people.length, people: names },
      ),
    );
  },
};
