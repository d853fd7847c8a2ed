// Runs one full recompute in its own process so its peak RSS is measured alone (see bench/risk.ts).
import { performance } from "node:perf_hooks";
import { createDb } from "@/lib/db/client";
import { recomputeOrganisations } from "@/lib/db/risk/recompute-all";

const db = createDb(process.env.DATABASE_URL!);
const t0 = performance.now();
const result = await recomputeOrganisations(db, { today: process.env.BENCH_TODAY! });
const seconds = (performance.now() - t0) / 1000;
await db.$disconnect();
console.log(JSON.stringify({ accounts: result.accounts, opened: result.opened, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
