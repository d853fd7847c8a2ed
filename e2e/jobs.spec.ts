import { createBoss, ensureQueues } from "@/lib/jobs/worker";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("an Owner finds the jobs page from settings, reads what failed and puts it back in the queue", async ({ page, tenant }) => {
  const boss = createBoss(process.env.E2E_DATABASE_URL!, { supervise: false, schedule: false, max: 1 });
  await boss.start();
  let failed: string;
  try {
    await ensureQueues(boss);
    failed = (await boss.send("risk.recompute-organisation", { orgId: tenant.orgId }, { retryLimit: 0 }))!;
    await boss.fail("risk.recompute-organisation", failed, { message: `connection reset ${tenant.orgId}` });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }

  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  await page.getByRole("link", { name: "バックグラウンドジョブの実行状況" }).click();
  await expect(page.getByRole("heading", { name: "バックグラウンドジョブ" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: `connection reset ${tenant.orgId}` });
  await expect(row).toContainText("risk.recompute-organisation");
  await expect(row.getByTestId("job-state")).toHaveText("failed");
  await row.getByRole("button", { name: "再実行" }).click();
  // Back in its queue (a worker, if one runs beside the app, may already have taken it).
  await expect(page.locator(`tr[data-job-id="${failed!}"]`).getByTestId("job-state")).toHaveText(/^(retry|active|completed)/);
});
