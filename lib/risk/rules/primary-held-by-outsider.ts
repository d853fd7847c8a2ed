import { formatDay } from "../../dates";
import { describeLogin, describePerson, loginFinding } from "../finding";
import type { AccountRule } from "../types";

/** About the login's own person; other people using it are SHARED_PRIMARY_LOGIN's business. */
export const primaryHeldByOutsiderRule: AccountRule = {
  id: "PRIMARY_HELD_BY_OUTSIDER",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.notableLogins) {
      if (login.role !== "PRIMARY") continue;
      const person = ctx.notablePerson(login.personId);
      const external = person?.external === true;
      const departed = ctx.isDeparted(login.personId);
      if (!external && !departed) continue;
      const why = [external ? "is external" : "", departed ? `departed on ${formatDay(ctx.day(person?.departedAt as string))}` : ""].filter(Boolean).join(" and ");
      findings.push(
        loginFinding(
          ctx, "PRIMARY_HELD_BY_OUTSIDER", "critical", login,
          `${describeLogin(login)} belongs to ${describePerson(person, login.personId)}, who ${why}`,
          { external, departed, company: person?.company ?? null, departedAt: person?.departedAt ?? null },
        ),
      );
    }
  },
};
