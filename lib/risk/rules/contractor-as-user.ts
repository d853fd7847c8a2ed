import { describeLogin, describePerson, loginFinding } from "../finding";
import type { AccountRule, Finding } from "../types";

/** Company names are compared case- and space-insensitively: they are typed by hand on both sides. */
function companyKey(company: string): string {
  return company.trim().toLowerCase().replace(/\s+/g, " ");
}

export const contractorAsUserRule: AccountRule = {
  id: "CONTRACTOR_AS_USER",
  severity: "medium",
  scope: "account",
  evaluate(ctx) {
    let partners: Set<string> | undefined;
    const findings: Finding[] = [];
    for (const login of ctx.activeLogins) {
      if (login.role !== "SECONDARY") continue;
      const person = ctx.notablePerson(login.personId);
      if (person?.external !== true) continue;
      partners ??= new Set(ctx.account.partners.filter((p) => p.acceptedAt !== null).map((p) => companyKey(p.company)));
      if (person.company !== null && partners.has(companyKey(person.company))) continue;
      const company = person.company ?? "an unrecorded company";
      findings.push(
        loginFinding(
          ctx, "CONTRACTOR_AS_USER", "medium", login,
          `${describeLogin(login)} of external ${describePerson(person, login.personId)} is a secondary user, but ${company} is not an accepted Authorized Partner of this account`,
          { company: person.company },
        ),
      );
    }
    return findings;
  },
};
