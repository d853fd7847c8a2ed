import { describeLogin, loginFinding } from "../finding";
import type { AccountRule } from "../types";

export const single2svMethodRule: AccountRule = {
  id: "SINGLE_2SV_METHOD",
  severity: "high",
  scope: "account",
  evaluate(ctx, findings) {
    for (const login of ctx.activeLogins) {
      if (login.twoStep.length !== 1) continue;
      const method = login.twoStep[0];
      const device = method.deviceId === null ? "" : ` on device ${method.deviceId}`;
      findings.push(
        loginFinding(
          ctx, "SINGLE_2SV_METHOD", "high", login,
          `${describeLogin(login)} has a single 2SV method (${method.kind}${device}) and no backup`,
          { methodCount: 1, methodKind: method.kind, deviceId: method.deviceId },
        ),
      );
    }
  },
};
