// A worker whose member digests stall before they start: the test kills this process mid-job.
import { startWorker, DIGEST_HANDLERS } from "@/lib/jobs/worker";

const boss = await startWorker({
  connectionString: process.env.DATABASE_URL!,
  schedule: false,
  pollingIntervalSeconds: 0.5,
  extraHandlers: {
    "digest.member": async (data, ctx) => {
      console.log("digest job started");
      await new Promise((r) => setTimeout(r, 120_000));
      return DIGEST_HANDLERS["digest.member"]!(data, ctx);
    },
  },
});
console.log("worker ready");
process.on("SIGTERM", () => void boss.stop({ graceful: false }).finally(() => process.exit(0)));
