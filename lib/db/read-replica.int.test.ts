import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { syncToolCatalogue } from "@/lib/db/tools";
import { startStreamingReplica, type StreamingReplica } from "@/tests/support/streaming-replica";
import { createTenant, importSnapshot, oneAccountSnapshot, scopeFor } from "@/tests/support/factories";
import { readerFor } from "./replica";
import { getEvidenceOrThrow } from "./reviews/evidence";
import { startCampaign } from "./reviews/start-campaign";
import { dbFor } from "./tenant";

// A real hot standby streaming from a real primary (pg_basebackup), both started by the test: the
// evidence export reads there through Prisma's read-replica extension, as the tenant, under row-level security.
let cluster: StreamingReplica;
let db: Db;
beforeAll(async () => {
  cluster = await startStreamingReplica();
  await applyMigrations(cluster.primaryUrl, undefined, { AUTH_SECRET: process.env.AUTH_SECRET });
  // lib/db's own clients read these on first use.
  process.env.DATABASE_URL = cluster.primaryUrl;
  process.env.DATABASE_REPLICA_URL = cluster.replicaUrl;
  db = createDb(cluster.primaryUrl);
  await syncToolCatalogue(db);
}, 180_000);
afterAll(async () => {
  await db?.$disconnect();
  await cluster?.stop();
});

async function agencyWithCampaign(name: string) {
  const tenant = await createTenant(db, { name: `${name} agency` });
  await importSnapshot(db, tenant.orgId, oneAccountSnapshot(`${name} Store`));
  const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId: tenant.orgId }, select: { id: true } });
  const scope = await scopeFor(tenant.userId, tenant.orgId);
  const { id } = await startCampaign(scope, { name: `${name} review`, clientIds: [], accountIds: [account.id], reviewerIds: [tenant.userId], dueOn: "2027-01-31", recurrence: "NONE" });
  return { scope, campaignId: id };
}

describe("read replicas for read-only pages", () => {
  it("reads the evidence export from the replica: a decision the replica has not replayed yet is not in it", async () => {
    const a = await agencyWithCampaign("Alpha");
    await cluster.caughtUp();
    const before = await getEvidenceOrThrow(a.scope, a.campaignId);
    expect(before.rows.length).toBeGreaterThan(0);
    expect(before.rows.every((r) => r.decision === null)).toBe(true);

    await cluster.pauseReplay();
    try {
      await db.reviewItem.updateMany({ where: { campaignId: a.campaignId }, data: { decision: "KEEP", decidedAt: new Date() } });
      // The primary has it, the replica (replay paused) does not: the export is the replica's.
      expect(await dbFor(a.scope).reviewItem.count({ where: { orgId: a.scope.orgId, campaignId: a.campaignId, decision: "KEEP" } })).toBe(before.rows.length);
      expect((await getEvidenceOrThrow(a.scope, a.campaignId)).rows.map((r) => r.decision)).toEqual(before.rows.map(() => null));
    } finally {
      await cluster.resumeReplay();
    }
    await cluster.caughtUp();
    expect((await getEvidenceOrThrow(a.scope, a.campaignId)).rows.map((r) => r.decision)).toEqual(before.rows.map(() => "KEEP"));
  });

  it("keeps row-level security on the replica: another organisation's reader sees none of these rows", async () => {
    const a = await agencyWithCampaign("Bravo");
    const b = await agencyWithCampaign("Charlie");
    await cluster.caughtUp();
    // No orgId in the filter: only the policy (the transaction-local tenant setting, on the standby) cuts it.
    const seenByB = await readerFor(b.scope).reviewCampaign.findMany({ select: { id: true } });
    expect(seenByB.map((c) => c.id)).toEqual([b.campaignId]);
    expect((await readerFor(a.scope).reviewItem.findMany({ select: { orgId: true } })).every((i) => i.orgId === a.scope.orgId)).toBe(true);
    await expect(getEvidenceOrThrow(b.scope, a.campaignId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends writes and transactions through the reader to the primary (a standby refuses them)", async () => {
    const a = await agencyWithCampaign("Delta");
    const reader = readerFor(a.scope);
    await reader.reviewCampaign.updateMany({ where: { id: a.campaignId, orgId: a.scope.orgId }, data: { name: "Delta renamed" } });
    expect((await db.reviewCampaign.findUniqueOrThrow({ where: { id: a.campaignId } })).name).toBe("Delta renamed");
    const inTransaction = await reader.$transaction((tx) => tx.reviewCampaign.findFirst({ where: { id: a.campaignId }, select: { name: true } }));
    expect(inTransaction?.name).toBe("Delta renamed");
  });
});
