// A worker that starts the due recurrences (committed) and then stalls before its job completes: the
// test kills this process there, so the retry finds the effect already done. Its clock is the test's.
import { startWorker, REVIEW_HANDLERS } from "@/lib/jobs/worker";

const now = new Date(process.env.FAKE_NOW!);
const boss = await startWorker({
  connectionString: process.env.DATABASE_URL!,
  schedule: false,
  pollingIntervalSeconds: 0.5,
  clock: () => now,
  extraHandlers: {
    "reviews.start-due-recurrences": async (data, ctx) => {
      const output = await REVIEW_HANDLERS["reviews.start-due-recurrences"]!(data, ctx);
      console.log(`recurrences started ${JSON.stringify(output)}`);
      await new Promise((r) => setTimeout(r, 120_000));
      return output;
    },
  },
});
console.log("worker ready");
process.on("SIGTERM", () => void boss.stop({ graceful: false }).finally(() => process.exit(0)));
