import { adminGrants, isAdminLogin } from "../admin";
import { describeLogin, describePerson, loginEvidence, loginSubject, makeFinding } from "../finding";
import type { AccountRule, Finding } from "../types";

export const externalAdminRule: AccountRule = {
  id: "EXTERNAL_ADMIN",
  severity: "high",
  scope: "account",
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const login of ctx.activeLogins) {
      if (login.role !== "SECONDARY" || !isAdminLogin(login)) continue;
      const person = ctx.person(login.personId);
      if (person?.external !== true) continue;
      const grants = adminGrants(login).join(", ");
      findings.push(
        makeFinding(
          ctx.account.id,
          "EXTERNAL_ADMIN",
          "high",
          loginSubject(login),
          `${describeLogin(login)} belongs to external ${describePerson(person, login.personId)} and can administer the account (${grants})`,
          loginEvidence(login, { company: person.company, grants }),
        ),
      );
    }
    return findings;
  },
};
