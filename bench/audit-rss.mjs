// Preloaded (NODE_OPTIONS=--import) into every process `npm run bench:audit` measures, the re-run of
// bin/gatehouse.mjs included: appends "pid peak-RSS-in-kB" to BENCH_AUDIT_RSS_FILE when the process exits.
import { appendFileSync } from "node:fs";
import process from "node:process";

process.on("exit", () => appendFileSync(process.env.BENCH_AUDIT_RSS_FILE, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
