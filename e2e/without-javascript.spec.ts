import { expect, test } from "./fixtures";
import { signIn } from "./support";

// The accounts table's state lives in the URL and its filters are plain GET forms, so it works with scripts
// off (a locked-down browser, a script that failed to load). Its route used to stream the page behind a loading
// skeleton, in a hidden block only a script could reveal: with scripts off a reader saw the skeleton alone.
test("with JavaScript off, the accounts table shows its rows, filters by a GET form and opens an account", async ({ browser, page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const tab = await context.newPage();
  try {
    await tab.goto("/accounts");
    const rows = tab.getByRole("table").locator("tbody tr th[scope=row]");
    await expect(rows).toHaveText(["Clean Store", "Kumo Books"]);
    await expect(tab.getByTestId("accounts-total")).toHaveText("2 件");

    await tab.getByRole("searchbox").fill("Kumo");
    await tab.getByRole("button", { name: "検索", exact: true }).click();
    await expect(tab).toHaveURL(/\/accounts\?.*q=Kumo/);
    await expect(rows).toHaveText(["Kumo Books"]);

    await tab.getByRole("link", { name: "Kumo Books" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toContainText("Kumo Books");
  } finally {
    await context.close();
  }
});
