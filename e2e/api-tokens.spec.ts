import { createDb } from "@/lib/db/client";
import { createTenant, expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

test("an owner creates an API token in Settings, a script uses it, the owner revokes it and it is refused", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  const section = page.getByTestId("api-tokens");
  const form = section.getByTestId("create-api-token-form");
  await form.getByLabel("名前").fill("Nightly capture");
  await form.getByLabel("権限").selectOption("write");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  const shown = section.getByTestId("new-api-token-value");
  await expect(shown).toHaveText(/^gh_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  const row = section.getByTestId("api-token").filter({ hasText: "Nightly capture" });
  await expect(row).toContainText("未使用");
  await expectNoSeriousViolations(page);

  // A second active token of the same name, in other case, is refused at the name (decision 095): the list and the
  // revoke confirmation could not tell the two apart.
  await form.getByLabel("名前").fill("nightly CAPTURE");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  await expect(form.getByLabel("名前")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("名前")).toHaveAccessibleDescription("「Nightly capture」という名前の有効なAPIトークンがすでにあります（大文字・小文字は区別しません）。別の名前にするか、先にそのトークンを失効させてください。");
  await expect(form.getByLabel("名前")).toHaveValue("nightly CAPTURE");
  await expect(section.getByTestId("api-token")).toHaveCount(1);

  // The script: the organisation's accounts by external id, and an audit of a posted snapshot.
  const auth = { Authorization: `Bearer ${token}` };
  const accounts = await page.request.get("/api/v1/accounts", { headers: auth });
  expect(accounts.status()).toBe(200);
  expect(((await accounts.json()) as { data: { id: string }[] }).data.map((a) => a.id).sort()).toEqual(["clean", "kumo"]);
  const audit = await page.request.post("/api/v1/audit", { headers: auth, data: { format: "gatehouse.snapshot/v1", asOf: "2026-11-23", people: [], devices: [], accounts: [] } });
  expect(await audit.json()).toEqual({ asOf: "2026-11-23", accounts: [] });

  // The list says when and from where it was last used; the secret itself is not shown again.
  await page.reload();
  await expect(row.getByTestId("api-token-last-used")).not.toContainText("未使用");
  await expect(page.getByText(token)).toHaveCount(0);

  // One click only opens the confirmation, which names the token; nothing is revoked until it is confirmed (decision 090).
  await row.getByText("失効させる…").click();
  await expect(row.getByTestId("api-token-revoker")).toContainText("「Nightly capture」を使うスクリプトや連携は");
  await expectNoSeriousViolations(page);
  await page.reload();
  await expect(row).not.toContainText("失効済み");
  expect((await page.request.get("/api/v1/accounts", { headers: auth })).status()).toBe(200);
  await row.getByText("失効させる…").press("Enter");
  await row.getByRole("button", { name: "「Nightly capture」を失効させる" }).click();
  await expect(row).toContainText("失効済み");
  const refused = await page.request.get("/api/v1/accounts", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

  // Revoked, its name is free again.
  await form.getByLabel("名前").fill("Nightly capture");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  await expect(shown).toHaveText(/^gh_[A-Za-z0-9_-]{43}$/);
  await expect(section.getByTestId("api-token").filter({ hasText: "Nightly capture" })).toHaveCount(2);
});

test("an expired token keeps its name until it is revoked: the refusal says so, and its row can revoke it", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/settings");
  const section = page.getByTestId("api-tokens");
  const form = section.getByTestId("create-api-token-form");
  await form.getByLabel("名前").fill("Weekly export");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  await expect(section.getByTestId("new-api-token-value")).toBeVisible();
  // Its day passes (set back in the database: a create refuses an expiry that is not after today).
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    await db.apiToken.updateMany({ where: { orgId: tenant.orgId, name: "Weekly export" }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
  } finally {
    await db.$disconnect();
  }
  await page.reload();
  const row = section.getByTestId("api-token").filter({ hasText: /Weekly export/ });
  await expect(row).toContainText("期限切れ");

  await form.getByLabel("名前").fill("weekly EXPORT");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  await expect(form.getByLabel("名前")).toHaveAccessibleDescription(/^期限切れのAPIトークンに「Weekly export」という名前が残っています/);
  await row.getByText("失効させる…").click();
  await expect(row.getByTestId("api-token-revoker")).toContainText("「Weekly export」は期限切れで、すでに拒否されています。");
  await row.getByRole("button", { name: "「Weekly export」を失効させる" }).click();
  await expect(row).toContainText("失効済み");
  await form.getByLabel("名前").fill("weekly EXPORT");
  await form.getByRole("button", { name: "トークンを作成" }).click();
  await expect(section.getByTestId("api-token")).toHaveCount(2);
  await expect(section.getByTestId("api-token").filter({ hasText: /weekly EXPORT/ })).not.toContainText("期限切れ");
});

test("viewers do not see API tokens; the API reference is readable without signing in and runs no script", async ({ page }) => {
  const viewer = await createTenant("VIEWER");
  await signIn(page, viewer.email, viewer.password);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("api-tokens")).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("api-endpoint")).toHaveCount(7);
  await expect(page.getByText("/api/v1/snapshots").first()).toBeVisible();
  // Each token route says which query parameters it reads, and that any other is refused, not ignored (decision 075).
  await expect(page.locator("#listFindings").getByTestId("api-endpoint-description")).toContainText("any other parameter (a misspelt filter, say) is refused with 422 `invalid_request`, not ignored");
  await expectNoSeriousViolations(page);
  const foreignScripts = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src).filter((src) => new URL(src).origin !== location.origin));
  expect(foreignScripts).toEqual([]);
});
