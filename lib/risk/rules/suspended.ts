import { makeFinding } from "../finding";
import type { AccountRule } from "../types";

export const suspendedRule: AccountRule = {
  id: "SUSPENDED",
  severity: "critical",
  scope: "account",
  evaluate(ctx, findings) {
    const { account } = ctx;
    if (account.status === "ACTIVE") return;
    findings.push(
      makeFinding(account.id, "SUSPENDED", "critical", { type: "account", id: account.id }, `account status is ${account.status}`, {
        status: account.status,
      }),
    );
  },
};
