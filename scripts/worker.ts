// `npm run jobs:worker`: a process that runs background jobs and serves nothing (for a deployment that
// keeps its web replicas at GATEHOUSE_JOBS=off). `npm start` runs the same worker beside the web server.
import { startWorker } from "@/lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (and AUTH_SECRET, as for npm start).");
  process.exit(2);
}
const seconds = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const boss = await startWorker({
  connectionString: url,
  bossConnectionString: process.env.DATABASE_DIRECT_URL || url,
  // Test knobs: shorter polling and maintenance than pg-boss's defaults.
  pollingIntervalSeconds: seconds("GATEHOUSE_JOBS_POLL_SECONDS"),
  maintenanceIntervalSeconds: seconds("GATEHOUSE_JOBS_MAINTENANCE_SECONDS"),
  cronIntervalSeconds: seconds("GATEHOUSE_JOBS_CRON_SECONDS"),
  schedule: process.env.GATEHOUSE_JOBS_SCHEDULE !== "off",
});
console.log("[gatehouse] worker ready");
const stop = () => void boss.stop({ graceful: false, wait: true }).finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
