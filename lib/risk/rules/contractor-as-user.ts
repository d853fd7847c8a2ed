import { describeLogin, describePerson, loginFinding } from "../finding";
import type { AuthorizedPartner } from "../../validation/snapshot";
import type { AccountRule } from "../types";

/** Company names are compared case- and space-insensitively: they are typed by hand on both sides. */
function companyKey(company: string): string {
  return company.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Whether an accepted Authorized Partner of the account is `company` (identical names skip normalising). */
function isAcceptedPartner(partners: readonly AuthorizedPartner[], company: string): boolean {
  let key: string | undefined;
  for (const partner of partners) {
    if (partner.acceptedAt === null) continue;
    if (partner.company === company || companyKey(partner.company) === (key ??= companyKey(company))) return true;
  }
  return false;
}

export const contractorAsUserRule: AccountRule = {
  id: "CONTRACTOR_AS_USER",
  severity: "medium",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.notableLogins) {
      if (login.role !== "SECONDARY") continue;
      const person = ctx.notablePerson(login.personId);
      if (person?.external !== true) continue;
      if (person.company !== null && isAcceptedPartner(ctx.account.partners, person.company)) continue;
      const company = person.company ?? "an unrecorded company";
      findings.push(
        loginFinding(
          ctx, "CONTRACTOR_AS_USER", "medium", login,
          `${describeLogin(login)} of external ${describePerson(person, login.personId)} is a secondary user, but ${company} is not an accepted Authorized Partner of this account`,
          { company: person.company },
        ),
      );
    }
  },
};
