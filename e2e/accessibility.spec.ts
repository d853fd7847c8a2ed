import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

test("the account page, with its forms opened, passes an accessibility scan", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  await page.locator('[data-testid="finding"] details summary').first().click();
  await page.getByTestId("login-row").first().getByText("編集（Seller Centralで確認した内容を記録）").click();
  await expectNoSeriousViolations(page);
});

test("the person page, the security page and the sign-in page pass an accessibility scan", async ({ page, tenant }) => {
  await page.goto("/signin");
  await expectNoSeriousViolations(page);
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/people/${tenant.personId("p-owner")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kumo Owner");
  await expectNoSeriousViolations(page);
  await page.goto("/security");
  await expectNoSeriousViolations(page);
});

// Every page a member reaches from the navigation, as an owner sees it (with the buttons only a writer
// gets): a colour rule that beats a button's own classes shows up here, as on the accounts list's
// "add account" link that once rendered blue on blue.
test("every top-level page passes an accessibility scan", async ({ page, tenant }) => {
  // Twelve pages, each loaded and scanned: the suite's 60 s per test is one page's budget, not twelve (it ran
  // 53–67 s at load 15). A limit, not an assertion about speed.
  test.setTimeout(180_000);
  await signIn(page, tenant.email, tenant.password);
  for (const path of ["/", "/accounts", "/accounts/new", "/people", "/import", "/reviews", "/tasks", "/rules", "/members", "/settings", "/settings/jobs", "/organisations/new"]) {
    await test.step(path, async () => {
      await page.goto(path);
      await expectNoSeriousViolations(page);
    });
  }
});
