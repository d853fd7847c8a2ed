import type { Page } from "@playwright/test";
import { createTenant, expect, tenantSnapshot, test as base, type Tenant } from "./fixtures";
import { signIn } from "./support";

// The shared snapshot plus an external vendor: a sub-user on Kumo Books whose phone is the backup
// 2SV method of the lead's login on Clean Store (a device to re-home when the vendor leaves).
function vendorSnapshot() {
  const snapshot = tenantSnapshot();
  snapshot.people!.push({ id: "p-vendor", name: "Tanaka Vendor", external: true, company: "Blue Agency" });
  snapshot.devices!.push({ id: "d-vendor-phone", kind: "PHONE", label: "Vendor phone", holderId: "p-vendor" });
  const [kumo, clean] = snapshot.accounts;
  kumo.logins!.push({
    id: "vendor", role: "SECONDARY", email: "vendor@blue.example", personId: "p-vendor", status: "ACTIVE",
    lastLoginAt: kumo.logins![0].lastLoginAt, acceptedAt: kumo.logins![1].acceptedAt,
    twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-vendor-phone", phoneLast4: "3333" }],
    permissions: [{ tool: "INVENTORY", level: "VIEW_EDIT", marketplace: "JP" }],
  });
  clean.logins![1].twoStep!.push({ kind: "SMS", role: "BACKUP", deviceId: "d-vendor-phone", phoneLast4: "3333" });
  return snapshot;
}

const test = base.extend<{ vendorTenant: Tenant }>({
  // eslint-disable-next-line no-empty-pattern
  vendorTenant: async ({}, use) => use(await createTenant("OWNER", vendorSnapshot())),
});

const names = (page: Page) => page.getByTestId("person-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-person")));

test("people are listed by access held, and an offboarding checklist is worked through to the end", async ({ page, vendorTenant }) => {
  await signIn(page, vendorTenant.email, vendorTenant.password);
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "関係者" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("関係者（出品者の社員・代理店・外部業者）");

  // Most access first: the two admin-level staff, then the vendor; the header link reverses it.
  await expect.poll(() => names(page)).toEqual(["Kumo Lead", "Kumo Owner", "Tanaka Vendor"]);
  await page.getByRole("link", { name: /管理者権限のログイン/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect.poll(() => names(page)).toEqual(["Tanaka Vendor", "Kumo Lead", "Kumo Owner"]);

  // A search with no match says so.
  await page.getByLabel("検索").fill("nobody-here");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByText("条件に一致する関係者はいません。")).toBeVisible();
  await page.getByRole("link", { name: "条件をクリア" }).click();

  await page.getByRole("link", { name: "Tanaka Vendor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tanaka Vendor");
  await expect(page.getByTestId("person-logins").getByRole("link", { name: "Kumo Books" })).toHaveAttribute("href", `/accounts/${vendorTenant.accountId("kumo")}`);
  await expect(page.getByTestId("person-login")).toContainText(["vendor@blue.example"]);
  await expect(page.getByTestId("person-device")).toContainText("lead@clean.example");

  // Offboard: open the form, keep today's date, read what will happen in the dialog, confirm.
  const offboarding = page.getByTestId("offboarding");
  await offboarding.getByTestId("offboard").getByText("退職処理を行う…", { exact: true }).click();
  await expect(offboarding.getByLabel("退職日")).toHaveValue(new Date().toISOString().slice(0, 10));
  await offboarding.getByRole("button", { name: "内容を確認する…" }).click();
  const dialog = page.getByRole("dialog", { name: "Tanaka Vendor さんの退職処理を開始しますか？" });
  await expect(dialog.getByTestId("offboard-changes").getByRole("listitem")).toContainText([
    "Tanaka Vendor さんを",
    "「Kumo Books」のログイン vendor@blue.example を無効化する項目",
    "端末「Vendor phone」で受けている他の人の2段階認証を移す項目",
    "関係するアカウントのリスクを再計算する",
  ]);
  await dialog.getByRole("button", { name: "Tanaka Vendor さんを退職済みにする" }).click();

  await expect(page.getByTestId("departed-badge")).toBeVisible();
  const items = page.getByTestId("checklist-item");
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId("offboarding-progress")).toHaveText("2 件中 0 件完了");
  await expect(page.locator('[data-testid="person-finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toBeVisible();
  await expect(page.getByTestId("offboard")).toHaveCount(0);

  // The account page shows the departed vendor's still-active login as a risk.
  await page.goto(`/accounts/${vendorTenant.accountId("kumo")}`);
  await expect(page.locator('[data-testid="finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toBeVisible();
  await page.goBack();

  // Tick every item.
  for (let left = 2; left > 0; left--) {
    await page.locator('[data-testid="checklist-item"][data-done="no"]').first().getByRole("button", { name: "完了にする" }).click();
    await expect(page.locator('[data-testid="checklist-item"][data-done="no"]')).toHaveCount(left - 1);
  }
  await expect(page.getByTestId("offboarding-progress")).toHaveText("すべての項目が完了しました。");
  await expect(items.filter({ hasText: "E2E User が完了" })).toHaveCount(2);
  await expect(page.locator('[data-testid="person-finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toHaveCount(0);

  // The checklist survives a reload, and the account page no longer shows the risk.
  await page.reload();
  await expect(page.getByTestId("offboarding-progress")).toHaveText("すべての項目が完了しました。");
  await page.getByTestId("person-logins").getByRole("link", { name: "Kumo Books" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kumo Books");
  await expect(page.locator('[data-testid="finding"][data-rule="OFFBOARDED_STILL_ACTIVE"]')).toHaveCount(0);
  await expect(page.getByTestId("login-row").filter({ hasText: "vendor@blue.example" })).toContainText("無効");
});
