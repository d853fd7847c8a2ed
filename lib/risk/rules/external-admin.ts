import { adminGrants, isAdminLogin } from "../admin";
import { describeLogin, describePerson, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const externalAdminRule: AccountRule = {
  id: "EXTERNAL_ADMIN",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.notableLogins) {
      if (login.role !== "SECONDARY" || !isAdminLogin(login)) continue;
      const person = ctx.notablePerson(login.personId);
      if (person?.external !== true) continue;
      const grants = adminGrants(login).join(", ");
      findings.push(
        loginFinding(
          ctx, "EXTERNAL_ADMIN", "high", login,
          `${describeLogin(login)} belongs to external ${describePerson(person, login.personId)} and can administer the account (${grants})`,
          { company: person.company, grants },
        ),
      );
    }
  },
};
