import "server-only";
import { AppError } from "@/lib/errors";
import type { TriageAccountFacts, TriageLoginFacts, TriageMethodFacts } from "@/lib/triage/types";
import type { Tx } from "../client";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";

export interface TriageLoginOption {
  id: string;
  email: string | null;
  role: "PRIMARY" | "SECONDARY";
  status: "INVITED" | "ACTIVE" | "DISABLED" | "REMOVED";
  personName: string;
}

export interface TriageContext {
  account: { id: string; storeName: string; sellerId: string | null; region: string; marketplaces: string[] };
  accountFacts: TriageAccountFacts;
  logins: TriageLoginOption[];
  /** The login walked for, or null for the account as a whole. */
  login: TriageLoginOption | null;
  loginFacts: TriageLoginFacts | null;
}

/**
 * What the checklist is ordered from: the account and, when one is named, its login with its 2SV methods
 * and their devices. Another organisation's account, a client the caller is not given, or a login of
 * another account: NOT_FOUND. Runs in the caller's transaction when given one (the outcome's write).
 */
export async function getTriageContextOrThrow(scope: Scope, accountId: string, loginId: string | null, tx?: Tx): Promise<TriageContext> {
  const db = tx ?? dbFor(scope);
  const account = await db.sellerAccount.findFirst({
    where: { id: accountId, ...accountScopeWhere(scope) },
    select: {
      id: true, storeName: true, sellerId: true, region: true, marketplaces: true, status: true,
      logins: {
        orderBy: [{ role: "asc" }, { email: "asc" }, { id: "asc" }],
        select: {
          id: true, email: true, role: true, status: true, personId: true, invitedAt: true, acceptedAt: true, lastLoginAt: true, passwordChangedAt: true, passwordReused: true,
          person: { select: { name: true, departedAt: true } },
          usedBy: { select: { personId: true } },
          twoStepMethods: {
            orderBy: [{ role: "asc" }, { id: "asc" }],
            select: { kind: true, role: true, phoneLast4: true, label: true, deviceId: true, device: { select: { label: true, holderId: true, skipOtpOnBrowser: true, holder: { select: { name: true, departedAt: true } } } } },
          },
        },
      },
    },
  });
  if (!account) throw new AppError("NOT_FOUND", "Seller account not found");
  const chosen = loginId ? account.logins.find((l) => l.id === loginId) : null;
  if (loginId && !chosen) throw new AppError("NOT_FOUND", "Login not found");
  const methodFacts = (l: (typeof account.logins)[number]): TriageMethodFacts[] =>
    l.twoStepMethods.map((m) => ({
      kind: m.kind, role: m.role, phoneLast4: m.phoneLast4, label: m.label, deviceId: m.deviceId,
      deviceLabel: m.device?.label ?? null,
      holderName: m.device?.holder?.name ?? null,
      holderIsLoginPerson: m.device?.holderId ? m.device.holderId === l.personId : null,
      holderDeparted: !!m.device?.holder?.departedAt,
      skipOtpOnBrowser: m.device?.skipOtpOnBrowser ?? false,
    }));
  const option = (l: (typeof account.logins)[number]): TriageLoginOption => ({ id: l.id, email: l.email, role: l.role, status: l.status, personName: l.person.name });
  const lastLogins = account.logins.map((l) => l.lastLoginAt).filter((d): d is Date => d !== null);
  const active = account.logins.filter((l) => l.status === "ACTIVE");
  const primary = account.logins.find((l) => l.role === "PRIMARY");
  return {
    account: { id: account.id, storeName: account.storeName, sellerId: account.sellerId, region: account.region, marketplaces: account.marketplaces },
    accountFacts: {
      region: account.region,
      marketplaces: account.marketplaces,
      status: account.status,
      lastLoginAt: lastLogins.length ? new Date(Math.max(...lastLogins.map((d) => d.getTime()))) : null,
      primaryMethods: primary ? methodFacts(primary) : null,
      activeLogins: active.length,
      activeLoginsWithoutTwoStep: active.filter((l) => l.twoStepMethods.length === 0).length,
    },
    logins: account.logins.map(option),
    login: chosen ? option(chosen) : null,
    loginFacts: chosen
      ? {
          email: chosen.email, role: chosen.role, status: chosen.status, personName: chosen.person.name, personDeparted: chosen.person.departedAt !== null,
          usedBy: new Set([chosen.personId, ...chosen.usedBy.map((u) => u.personId)]).size,
          invitedAt: chosen.invitedAt, acceptedAt: chosen.acceptedAt, lastLoginAt: chosen.lastLoginAt, passwordChangedAt: chosen.passwordChangedAt, passwordReused: chosen.passwordReused,
          methods: methodFacts(chosen),
        }
      : null,
  };
}
