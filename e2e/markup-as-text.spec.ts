import type { Page } from "@playwright/test";
import { createTenant, expect, tenantSnapshot, test as base, type Tenant } from "./fixtures";
import { signIn } from "./support";

// Names are data, never markup. The tables whose bodies are written as one string of markup (decision 051)
// escape what they interpolate; this is the user-visible proof: names full of markup show as typed and run nothing.
const STORE = `<img src=x onerror="window.__xss=1">Ame & "Tea" 'Shop'`;
const PERSON = `<b onmouseover="window.__xss=2">Evil</b> & 'Vendor' <script>window.__xss=3</script>`;
const COMPANY = `</td><td>Fake cell</td>`;

function hostileSnapshot() {
  const snapshot = tenantSnapshot();
  snapshot.accounts[0]!.storeName = STORE;
  snapshot.people!.push({ id: "p-evil", name: PERSON, external: true, company: COMPANY });
  snapshot.accounts[0]!.logins![1]!.personId = "p-evil";
  return snapshot;
}

const test = base.extend<{ hostileTenant: Tenant }>({
  // eslint-disable-next-line no-empty-pattern
  hostileTenant: async ({}, use) => use(await createTenant("OWNER", hostileSnapshot())),
});

const injected = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);
/** What an injection would leave: elements it made, or handler attributes (which the CSP would then block). */
const injectedElements = (page: Page) => page.locator("table img, table script, table b, [onerror], [onmouseover]");

test("store and person names full of markup show as typed on the accounts table and the people list, and run nothing", async ({ page, hostileTenant }) => {
  // The CSP blocks inline handlers, so a blocked one would not set __xss: a violation report is the other witness.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, hostileTenant.email, hostileTenant.password);
  await page.goto("/accounts");
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: STORE })).toBeVisible();
  await expect(injectedElements(page)).toHaveCount(0);
  // Every row has as many cells as the header has columns: nothing closed a cell early.
  const columns = await table.locator("thead th").count();
  for (const row of await table.locator("tbody tr").all()) await expect(row.locator("th, td")).toHaveCount(columns);
  // A client-side navigation (sorting) writes the body again from the RSC payload: the same escaping holds.
  await table.getByRole("columnheader", { name: /スコア/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=score/);
  await expect(table.getByRole("rowheader", { name: STORE })).toBeVisible();
  await expect(injectedElements(page)).toHaveCount(0);
  await table.getByRole("link", { name: STORE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(STORE);

  await page.goto("/people");
  const people = page.getByRole("table");
  await expect(people.getByRole("link", { name: PERSON })).toBeVisible();
  await expect(people.getByRole("cell", { name: COMPANY, exact: true })).toBeVisible();
  await expect(page.getByTestId("person-row").filter({ hasText: "Evil" })).toHaveAttribute("data-person", PERSON);
  await expect(injectedElements(page)).toHaveCount(0);
  const peopleColumns = await people.locator("thead th").count();
  for (const row of await people.locator("tbody tr").all()) await expect(row.locator("th, td")).toHaveCount(peopleColumns);
  await people.getByRole("link", { name: PERSON }).hover();
  expect(await injected(page)).toBeNull();
  expect(violations).toEqual([]);
});
