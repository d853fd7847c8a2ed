import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

/** How many lines each cell's text takes. */
const linesOf = (cells: Locator) =>
  cells.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );

test("dates in the logins tables stay on one line on a narrow screen", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.setViewportSize({ width: 390, height: 800 });

  await page.goto(`/accounts/${tenant.accountId("kumo")}`);
  // Last login and Password changed, on every login row.
  const accountDates = page.getByTestId("login-row").locator("td:nth-child(5), td:nth-child(6)");
  await expect(accountDates).toHaveCount(4);
  expect(await linesOf(accountDates)).toEqual([1, 1, 1, 1]);
  // Each login is a card on a phone (e2e/phone.spec.ts): the dates fit it, and nothing goes off the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`/people/${tenant.personId("p-owner")}`);
  const personDates = page.getByTestId("person-login").locator("td:nth-child(5)");
  await expect(personDates).toHaveCount(2);
  expect(await linesOf(personDates)).toEqual([1, 1]);
});

test("on a phone-width screen every header link and the sign-out button stay on the screen", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/accounts");
  const header = page.locator("header");
  const controls = [...(await header.getByRole("navigation").getByRole("link").all()), header.getByRole("button", { name: "Sign out" })];
  expect(controls.length).toBeGreaterThan(5);
  for (const control of controls) {
    const box = await control.boundingBox();
    expect(box, await control.innerText()).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, await control.innerText()).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
