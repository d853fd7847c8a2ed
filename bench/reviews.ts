// `npm run bench:reviews`: access review campaigns (lib/db/reviews) as figures (not a test). A generated
// portfolio of BENCH_ACCOUNTS accounts (default 300, the agency) is upserted; then a campaign is
// started over all of them (freeze + assignment), every item is removed in bulk decisions of at most 500
// (a task each), and a full recompute runs with those tasks open (the close-satisfied check in its path) against
// one with none. Uses TEST_DATABASE_URL (a local server; a throwaway database is created and dropped).
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { generateSnapshot } from "@/lib/risk/generate";
import { openBenchOrganisation } from "./support/bench-organisation";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 300);
const { database, db, org, user, scope } = await openBenchOrganisation("gatehouse_bench_reviews");
const { upsertSnapshot } = await import("@/lib/db/snapshots/upsert");
const { startCampaign } = await import("@/lib/db/reviews/start-campaign");
const { decideItems } = await import("@/lib/db/reviews/decide");
const { recomputeOrganisations } = await import("@/lib/db/risk/recompute-all");
const { BULK_MAX_ITEMS } = await import("@/lib/validation/reviews");

console.log(`Gatehouse review campaign benchmark — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
try {
  const today = new Date().toISOString().slice(0, 10);
  await upsertSnapshot(scope, JSON.parse(JSON.stringify(generateSnapshot(ACCOUNTS, 42, { asOf: today }))), { source: "IMPORT" });
  const accountIds = (await db.sellerAccount.findMany({ where: { orgId: org.id }, select: { id: true } })).map((a) => a.id);
  const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    return result;
  };
  await time(`full recompute, no open tasks (${ACCOUNTS} accounts)`, () => recomputeOrganisations(db, { today, orgIds: [org.id] }));
  const campaign = await time(`start a campaign over ${ACCOUNTS} accounts (freeze + assign)`, () =>
    startCampaign(scope, { name: "Bench", clientIds: [], accountIds, reviewerIds: [user.id], dueOn: today, recurrence: "QUARTERLY" }));
  console.log(`${campaign.items} items frozen`);
  const items = (await db.reviewItem.findMany({ where: { campaignId: campaign.id }, select: { id: true } })).map((i) => i.id);
  // As the form sends them: at most BULK_MAX_ITEMS per bulk decision (one transaction each).
  for (let i = 0; i < items.length; i += BULK_MAX_ITEMS) {
    const chunk = items.slice(i, i + BULK_MAX_ITEMS);
    await time(`bulk remove of ${chunk.length} items (one task each, one transaction)`, () =>
      decideItems(scope, { campaignId: campaign.id, itemIds: chunk, decision: "REMOVE", comment: "bench", confirm: "yes" }));
  }
  console.log(`${await db.remediationTask.count({ where: { orgId: org.id, status: "OPEN" } })} open tasks`);
  await time(`full recompute with those tasks open (close-satisfied check in the path)`, () => recomputeOrganisations(db, { today, orgIds: [org.id] }));
  await db.$disconnect();
} finally {
  await database.drop();
}
process.exit(0);
