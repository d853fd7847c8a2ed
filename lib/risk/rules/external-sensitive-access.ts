import { isSensitiveTool } from "../tools";
import { describeLogin, describePerson, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const externalSensitiveAccessRule: AccountRule = {
  id: "EXTERNAL_SENSITIVE_ACCESS",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.notableLogins) {
      const person = ctx.notablePerson(login.personId);
      if (person?.external !== true) continue;
      const grants: string[] = [];
      for (const grant of login.permissions) {
        if (grant.level === "NONE" || !isSensitiveTool(grant.tool)) continue;
        const where = grant.marketplace === null ? "" : `@${grant.marketplace}`;
        grants.push(`${grant.tool}${where}:${grant.level}`);
      }
      if (grants.length === 0) continue;
      const list = grants.join(", ");
      findings.push(
        loginFinding(
          ctx, "EXTERNAL_SENSITIVE_ACCESS", "high", login,
          `${describeLogin(login)} of external ${describePerson(person, login.personId)} has access to sensitive tools: ${list}`,
          { company: person.company, grants: list },
        ),
      );
    }
  },
};
