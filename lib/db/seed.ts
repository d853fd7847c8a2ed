import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { buildDemoPortfolio, DEMO_AGENCY } from "@/lib/demo/demo-snapshot";
import { demoScoreHistory } from "@/lib/demo/score-history";
import { evaluateSnapshot } from "@/lib/risk";
import { snapshotSchema } from "@/lib/validation/snapshot";
import type { Db } from "./client";
import { writeSnapshot } from "./snapshot-import";
import { syncToolCatalogue } from "./tools";

// The agency's owner, named like the demo's other people (family name first), not after a role they do not hold.
export const DEMO_USER = { email: "demo@gatehouse.example", password: "gatehouse-demo-2026", name: "Fujita Akane" } as const;
export const DEMO_ORG_ID = "demo-org";

export type SeedOutcome = "seeded" | "skipped-not-empty";

/**
 * Loads the demo agency, only into a database with no organisation at all (never into a real one).
 * Deterministic ids make a second run a no-op rather than a duplicate.
 */
export async function seedDemoIfEmpty(db: Db, today: string, onSeeded?: (accountIds: string[]) => Promise<void>): Promise<SeedOutcome> {
  await syncToolCatalogue(db);
  if ((await db.organization.count()) > 0) return "skipped-not-empty";
  const { snapshot: input, clients } = buildDemoPortfolio(today);
  const snapshot = snapshotSchema.parse(input);
  const passwordHash = await hashPassword(DEMO_USER.password);
  const clientOf = new Map<string, string>();
  const idFor = (kind: string, id: string) => `demo-${kind}-${id}`;
  // 90 days of score history, so the demo's trends are lines from the first visit rather than one dot.
  // Today's score is the engine's own; the app's recompute after seeding writes the same value for today.
  const history = evaluateSnapshot(snapshot, { asOf: today }).accounts.flatMap((a) =>
    demoScoreHistory(a.id, a.score, today).map((p) => ({ orgId: DEMO_ORG_ID, accountId: idFor("account", a.id), day: new Date(`${p.day}T00:00:00Z`), score: p.score })),
  );
  const accountIds = await db.$transaction(
    async (tx) => {
      await tx.organization.create({ data: { id: DEMO_ORG_ID, name: DEMO_AGENCY, kind: "AGENCY" } });
      const user = await tx.user.create({ data: { id: "demo-user", email: DEMO_USER.email, name: DEMO_USER.name, passwordHash, locale: "ja" } });
      await tx.membership.create({ data: { id: "demo-membership", orgId: DEMO_ORG_ID, userId: user.id, role: "OWNER" } });
      for (const [i, client] of clients.entries()) {
        const id = `demo-client-${i + 1}`;
        await tx.client.create({ data: { id, orgId: DEMO_ORG_ID, name: client.name } });
        for (const accountId of client.accountIds) clientOf.set(accountId, id);
      }
      const written = await writeSnapshot(tx, DEMO_ORG_ID, snapshot, {
        idFor,
        source: "SEED",
        clientIdFor: (accountId) => clientOf.get(accountId) ?? null,
      });
      await tx.accountScoreDaily.createMany({ data: history });
      return written.accountIds;
    },
    { timeout: 60_000 },
  );
  await onSeeded?.(accountIds);
  return "seeded";
}
