import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createBoss, ensureQueues } from "@/lib/jobs/worker";
import { jobsDatabase } from "@/tests/support/jobs-database";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { listJobRuns, retryFailedJob } from "./job-runs";

let database: Awaited<ReturnType<typeof jobsDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await jobsDatabase();
  db = database.db;
});
afterAll(() => database.drop());

describe("the jobs an organisation's admins see and retry", () => {
  it("lists its own and system-wide jobs, never another organisation's, and retries only a failed one of them", async () => {
    const a = await createTenant(db);
    const b = await createTenant(db);
    const viewer = await createTenant(db, { role: "VIEWER" });
    const boss = createBoss(database.url, { supervise: false, schedule: false });
    await boss.start();
    try {
      await ensureQueues(boss);
      // Failed for good (no retries left), as a job is after its last attempt.
      const ownFailed = (await boss.send("risk.recompute-organisation", { orgId: a.orgId }, { retryLimit: 0 }))!;
      await boss.fail("risk.recompute-organisation", ownFailed, { message: "connection reset" });
      const others = (await boss.send("risk.recompute-organisation", { orgId: b.orgId }, { retryLimit: 0 }))!;
      await boss.fail("risk.recompute-organisation", others, { message: "B's failure" });
      const nightly = (await boss.send("risk.daily-recompute", {}))!;
      // The reviews jobs join the page by their registry entry alone: a member's reminder is its organisation's, the recurrence run system-wide.
      const reminder = (await boss.send("reminders.member", { orgId: a.orgId, userId: a.userId, day: "2026-12-04" }))!;
      const recurrences = (await boss.send("reviews.start-due-recurrences", {}))!;
      // A system-wide job that failed (decision 088: the launcher's jobs had no DATABASE_URL): its reason may name any
      // organisation's records, so the page only says it is in the server's log.
      const digest = (await boss.send("digest.weekly", {}, { retryLimit: 0 }))!;
      const digestError = new Error("connect ECONNREFUSED postgresql://owner:hunter2@127.0.0.1:5432/gatehouse");
      await boss.fail("digest.weekly", digest, { name: digestError.name, message: digestError.message, stack: digestError.stack });

      const [scopeA, scopeB] = await Promise.all([scopeFor(a.userId, a.orgId), scopeFor(b.userId, b.orgId)]);
      const seen = await listJobRuns(scopeA);
      expect(seen.map((r) => r.id).sort()).toEqual([ownFailed, nightly, reminder, recurrences, digest].sort());
      expect(seen.find((r) => r.id === reminder)?.name).toBe("reminders.member");
      expect(seen.find((r) => r.id === ownFailed)).toMatchObject({ state: "failed", error: "connection reset", errorInServerLog: false });
      expect(seen.find((r) => r.id === nightly)).toMatchObject({ state: "created", error: null });
      expect(seen.find((r) => r.id === digest)).toMatchObject({ state: "failed", error: null, errorInServerLog: true });
      expect(seen.find((r) => r.id === nightly)).toMatchObject({ errorInServerLog: false });

      await expect(retryFailedJob(scopeA, others, (n, id) => boss.retry(n, id))).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(retryFailedJob(scopeA, nightly, (n, id) => boss.retry(n, id))).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(listJobRuns(await scopeFor(viewer.userId, viewer.orgId))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await retryFailedJob(scopeA, ownFailed, (n, id) => boss.retry(n, id));
      expect((await boss.getJobById("risk.recompute-organisation", ownFailed))?.state).toBe("retry");
      expect((await boss.getJobById("risk.recompute-organisation", others))?.state).toBe("failed");
      expect((await listJobRuns(scopeB)).map((r) => r.id).sort()).toEqual([others, nightly, recurrences, digest].sort());
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
