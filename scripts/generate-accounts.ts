// `npm run db:generate-accounts -- --accounts 50000 [--orgs 1] [--seed 7]`: loads a generated
// portfolio into DATABASE_URL (a new organisation per --orgs, accounts split evenly) and computes
// its findings. For benchmarks and trying Gatehouse at scale.
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { bulkLoadSnapshot } from "@/lib/db/bulk-load";
import { applyMigrations } from "@/lib/db/migrate";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { syncToolCatalogue } from "@/lib/db/tools";
import { generateSnapshot } from "@/lib/risk/generate";
import { utcToday } from "@/lib/days";

const { values } = parseArgs({ options: { accounts: { type: "string", default: "1000" }, orgs: { type: "string", default: "1" }, seed: { type: "string", default: "7" } } });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL database to fill.");
  process.exit(2);
}
const accounts = Number(values.accounts);
const orgs = Number(values.orgs);
if (!Number.isInteger(accounts) || accounts < 1 || !Number.isInteger(orgs) || orgs < 1) {
  console.error("--accounts and --orgs must be positive whole numbers");
  process.exit(2);
}

await applyMigrations(url);
const db = createDb(url);
await syncToolCatalogue(db);
const today = utcToday();
const started = Date.now();
for (let o = 0; o < orgs; o++) {
  const share = Math.floor(accounts / orgs) + (o < accounts % orgs ? 1 : 0);
  const snapshot = generateSnapshot(share, Number(values.seed) + o, { asOf: today });
  const org = await db.organization.create({ data: { name: `Generated agency ${o + 1} (${share} accounts)` } });
  const clients = await Promise.all(Array.from({ length: Math.max(1, Math.ceil(share / 25)) }, (_, i) => db.client.create({ data: { orgId: org.id, name: `Client ${i + 1}` } })));
  await bulkLoadSnapshot(db, org.id, snapshot, { idPrefix: `g${org.id.slice(0, 8)}-`, clientIdFor: (i) => clients[i % clients.length].id });
  const r = await recomputeOrganisations(db, { today, orgIds: [org.id] });
  console.log(`org ${org.id}: ${share} accounts loaded, ${r.opened} findings`);
}
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await db.$disconnect();
