import { describePerson, makeFinding } from "../finding";
import type { AccountRule } from "../types";

const CONSOLE_NAMES = { ADS: "Amazon Ads", BRAND_REGISTRY: "Brand Registry" } as const;

/** One finding per person, listing every console they keep, so a person is reviewed once. */
export const leftoverAccessRule: AccountRule = {
  id: "LEFTOVER_ACCESS",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    if (ctx.account.otherAccess.length === 0) return;
    const holders = new Set(ctx.activeLogins.map((login) => login.personId));
    const byPerson = new Map<string, string[]>();
    for (const entry of ctx.account.otherAccess) {
      const departed = ctx.isDeparted(entry.personId);
      if (!departed && holders.has(entry.personId)) continue;
      const consoles = byPerson.get(entry.personId) ?? [];
      consoles.push(`${CONSOLE_NAMES[entry.console]} (${entry.role})`);
      byPerson.set(entry.personId, consoles);
    }
    for (const [personId, consoles] of byPerson) {
      const departed = ctx.isDeparted(personId);
      const why = departed ? "has departed" : "holds no active Seller Central login on this account";
      const list = consoles.sort().join(", ");
      const evidence = `${describePerson(ctx.person(personId), personId)} ${why} but keeps ${list}`;
      findings.push(
        makeFinding(ctx.account.id, "LEFTOVER_ACCESS", "high", { type: "person", id: personId }, evidence, { personId, departed, consoles: list }),
      );
    }
  },
};
