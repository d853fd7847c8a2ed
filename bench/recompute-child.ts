// Runs one full recompute in its own process so its peak RSS is measured alone (see bench/risk.ts).
// As `npm run risk:recompute` should, it hands recomputeOrganisations a connection string: a system job
// runs on a plain pg pool, without the Prisma client.
import { performance } from "node:perf_hooks";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";

const t0 = performance.now();
const result = await recomputeOrganisations({ connectionString: process.env.DATABASE_URL! }, { today: process.env.BENCH_TODAY! });
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ accounts: result.accounts, opened: result.opened, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
