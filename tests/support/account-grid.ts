import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";

// Accounts built field by field (no risk engine), so sort and filter tests know every value exactly.
export interface GridAccount {
  storeName: string;
  score?: number;
  plan?: "PROFESSIONAL" | "INDIVIDUAL";
  status?: "ACTIVE" | "SUSPENDED" | "DEACTIVATED";
  marketplaces?: string[];
  clientId?: string | null;
  sellerId?: string;
  email?: string;
  passwordChangedAt?: Date | null;
  lastLoginAt?: Date | null;
  findings?: [rule: string, severity: "critical" | "high" | "medium" | "low", status?: "OPEN" | "RESOLVED" | "ACCEPTED"][];
}

export async function makeAccounts(db: Db, orgId: string, accounts: GridAccount[]): Promise<Record<string, string>> {
  const person = await db.person.create({ data: { orgId, name: "Grid Owner" } });
  const ids: Record<string, string> = {};
  for (const a of accounts) {
    const account = await db.sellerAccount.create({
      data: {
        orgId, storeName: a.storeName, score: a.score ?? 100, plan: a.plan ?? "PROFESSIONAL", status: a.status ?? "ACTIVE", region: "JP",
        marketplaces: a.marketplaces ?? ["JP"], clientId: a.clientId ?? null, sellerId: a.sellerId ?? `S${randomUUID().slice(0, 10).toUpperCase()}`,
      },
    });
    ids[a.storeName] = account.id;
    await db.login.create({
      data: { orgId, accountId: account.id, role: "PRIMARY", personId: person.id, email: a.email ?? `${account.id}@grid.example`, passwordChangedAt: a.passwordChangedAt ?? null, lastLoginAt: a.lastLoginAt ?? null },
    });
    for (const [i, [ruleId, severity, status]] of (a.findings ?? []).entries()) {
      await db.finding.create({
        data: { orgId, accountId: account.id, ruleId, severity, status: status ?? "OPEN", subjectType: "account", subjectId: `${account.id}-${i}`, evidence: "test" },
      });
    }
  }
  return ids;
}

export const at = (day: string) => new Date(`${day}T09:00:00Z`);
