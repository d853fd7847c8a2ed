import { createDb } from "@/lib/db/client";
import { expect, test } from "./fixtures";
import { acceptInvitation, expectNoSeriousViolations, signIn } from "./support";

test("an agency opens a client portal; the client's owner sees only their own accounts and records an access review", async ({ page, browser, tenant }) => {
  // Two clients in the agency: Kumo Books under "E2E Client", Clean Store under another.
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const other = await db.client.create({ data: { orgId: tenant.orgId, name: "Another Client" } });
    await db.sellerAccount.update({ where: { id: tenant.accountId("clean") }, data: { clientId: other.id } });
  } finally {
    await db.$disconnect();
  }
  const email = `kumo-owner-${Date.now()}@kumo.example`;
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("link", { name: "メンバー" }).click();
  const portal = page.getByTestId("client-portal");
  await expect(portal.getByText("まだポータルを開いているクライアントはありません。")).toBeVisible();
  const form = page.getByTestId("portal-form");
  await form.getByLabel("クライアント").selectOption({ label: "E2E Client" });
  await form.getByLabel("招待するメールアドレス").fill(email);
  await form.getByRole("button", { name: "ポータルに招待する" }).click();
  await expect(form.getByText("ポータルへの招待メールを送りました。")).toBeVisible();
  await expect(portal.getByTestId("portal").filter({ hasText: email })).toContainText("E2E Client");

  await page.getByRole("link", { name: "送信メール（開発用）" }).click();
  const link = (await page.getByTestId("outbox-mail").filter({ hasText: email }).textContent())!.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)![0];

  const owner = await browser.newContext();
  const p = await owner.newPage();
  // The invitation names the agency that sent it and what the portal is for.
  await p.goto(new URL(link).pathname);
  await expect(p.getByText(/クライアントポータルへの招待/)).toContainText(`E2E ${tenant.orgId.slice(0, 8)} から`);
  await acceptInvitation(p, link, "Kumo Owner", "quiet harbour lantern 58");
  await expect(p.getByRole("status").filter({ hasText: "アカウントを作成しました" })).toBeVisible();
  await signIn(p, email, "quiet harbour lantern 58");

  // Their own accounts only, and none of the agency's configuration.
  await expect(p.getByTestId("portal-banner")).toBeVisible();
  await p.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "出品用アカウント" }).click();
  await expect(p.getByRole("link", { name: "Kumo Books" })).toBeVisible();
  await expect(p.getByText("Clean Store")).toHaveCount(0);
  const nav = p.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "メンバー" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "設定" })).toHaveCount(0);
  expect((await p.goto(`/accounts/${tenant.accountId("clean")}`))?.status()).toBe(404);
  expect((await p.goto("/members"))?.status()).toBe(404);
  expect((await p.goto("/settings"))?.status()).toBe(404);

  // Review who has access to their account: decisions are made in access review campaigns (e2e/reviews.spec.ts).
  await p.goto(`/accounts/${tenant.accountId("kumo")}`);
  await expect(p.getByRole("heading", { name: "Kumo Books" })).toBeVisible();
  await expect(p.getByText("編集（Seller Centralで確認した内容を記録）")).toHaveCount(0);
  await expect(p.getByTestId("login-row").filter({ hasText: "lead@kumo.example" }).getByTestId("access-review").getByRole("link", { name: "アクセスレビューで判断…" })).toBeVisible();
  await expectNoSeriousViolations(p);
  await owner.close();
});
