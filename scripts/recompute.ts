// `npm run risk:recompute`: recomputes every account's findings and score (after threshold changes or
// an upgrade of the rules). Safe to run at any time; each batch is its own transaction.
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";
import { utcToday } from "@/lib/days";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (the app's own launcher provides it for the embedded database).");
  process.exit(2);
}
const started = Date.now();
// A pg pool rather than the Prisma client: half the memory on large portfolios (bench/RESULTS.md).
const result = await recomputeOrganisations({ connectionString: url }, { today: utcToday() });
console.log(`recomputed ${result.accounts} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.opened} opened, ${result.resolved} resolved, ${result.reopened} re-opened, ${result.expired} acceptances expired`);
