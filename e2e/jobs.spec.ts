import { createBoss, ensureQueues } from "@/lib/jobs/worker";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("an Owner finds the jobs page from settings, reads why a job failed and puts it back in the queue", async ({ page, tenant }) => {
  const boss = createBoss(process.env.E2E_DATABASE_URL!, { supervise: false, schedule: false, max: 1 });
  await boss.start();
  let failed: string;
  try {
    await ensureQueues(boss);
    failed = (await boss.send("risk.recompute-organisation", { orgId: tenant.orgId }, { retryLimit: 0 }))!;
    // As pg-boss stores a thrown error: its message (here with a connection string, as a driver's may) and stack.
    const message = `connection reset ${tenant.orgId} by postgresql://owner:hunter2@db.internal:5432/gatehouse\nDETAIL: second line`;
    await boss.fail("risk.recompute-organisation", failed, { name: "Error", message, stack: `Error: ${message}\n    at recompute (lib/db/risk/recompute.ts:1:1)` });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }

  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await page.getByRole("link", { name: "バックグラウンドジョブの実行状況" }).click();
  await expect(page.getByRole("heading", { name: "バックグラウンドジョブ" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: `connection reset ${tenant.orgId}` });
  await expect(row).toContainText("risk.recompute-organisation");
  // The reason: its first line, the password masked, no stack; the state in the reader's language.
  await expect(row.getByTestId("job-error")).toHaveText(`connection reset ${tenant.orgId} by postgresql://owner:***@db.internal:5432/gatehouse`);
  await expect(row).not.toContainText("hunter2");
  await expect(row).not.toContainText("recompute.ts");
  await expect(row.getByTestId("job-state")).toHaveText("失敗");
  await row.getByRole("button", { name: "再実行" }).click();
  // Back in its queue (a worker, if one runs beside the app, may already have taken it).
  await expect(page.locator(`tr[data-job-id="${failed!}"]`).getByTestId("job-state")).toHaveAttribute("data-state", /^(retry|active|completed)$/);
});
