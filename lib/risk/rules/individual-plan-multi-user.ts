import { makeFinding } from "../finding";
import type { AccountRule } from "../types";

/** People are the owners and attested users of the account's ACTIVE logins. */
export const individualPlanMultiUserRule: AccountRule = {
  id: "INDIVIDUAL_PLAN_MULTI_USER",
  severity: "high",
  scope: "account",
  evaluate(ctx) {
    const { account } = ctx;
    if (account.plan !== "INDIVIDUAL") return [];
    const people = new Set<string>();
    for (const login of ctx.activeLogins) {
      people.add(login.personId);
      for (const personId of login.usedBy) people.add(personId);
    }
    if (people.size < 2) return [];
    const names = [...people].sort().join(", ");
    return [
      makeFinding(
        account.id,
        "INDIVIDUAL_PLAN_MULTI_USER",
        "high",
        { type: "account", id: account.id },
        `Individual-plan account (no User Permissions) is used by ${people.size} people: ${names}`,
        { plan: account.plan, peopleCount: people.size, people: names },
      ),
    ];
  },
};
