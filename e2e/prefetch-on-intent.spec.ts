import type { Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

// Every page is rendered per request, so a link prefetched as it scrolls into view is a server render nobody asked
// for: the accounts page's links made 28 of them per view (decision 040). Links prefetch when the reader reaches
// for them: the pointer over one, or keyboard focus on one.
const isPrefetch = (request: Request) => request.headers()["next-router-prefetch"] !== undefined;

test("a page view asks the server for nothing more until a link is pointed at or focused; then that link alone is prefetched", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (isPrefetch(request)) prefetches.push(new URL(request.url()).pathname);
  });
  await page.goto("/accounts");
  await expect(page.getByTestId("accounts-total")).toBeVisible();
  // The header's eleven links, the sort headers and the pagination are all on the screen.
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Main menu" });
  const hovered = page.waitForRequest((request) => isPrefetch(request) && new URL(request.url()).pathname === "/rules");
  await nav.getByRole("link", { name: "Risk catalogue" }).hover();
  await hovered;

  const focused = page.waitForRequest((request) => isPrefetch(request) && new URL(request.url()).pathname === "/tasks");
  await nav.getByRole("link", { name: "Tasks" }).focus();
  await focused;
  // (A prefetch may take more than one request: the route's tree, then its segments.)
  expect([...new Set(prefetches)].sort()).toEqual(["/rules", "/tasks"]);

  // And the link still navigates within the app: the header stays, the page changes.
  await nav.getByRole("link", { name: "Tasks" }).press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/tasks");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
