import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@gatehouse.example", password: "gatehouse-demo-2026" };

/** Signs in through the form, as a user would, and lands on the overview. The interface starts in Japanese. */
export async function signIn(page: Page, email = DEMO.email, password = DEMO.password) {
  await page.goto("/signin");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.search === "");
}

/** An axe scan of the page as it is now: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page) {
  // Right after a server action the re-rendered page streams its <title> back in; scan the settled page
  // (a page that never gets a title still fails, here or in axe's document-title rule).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  // axe files text drawn in its own background colour (1:1) as "needs review", not as a violation, in case
  // it is hidden on purpose. Nothing here is: such text is a button nobody can read.
  const unreadable = results.incomplete
    .filter((v) => v.id === "color-contrast")
    .flatMap((v) => v.nodes.filter((n) => n.any.some((check) => /\b1:1 contrast ratio/.test(check.message))))
    .map((n) => n.target.join(" "));
  expect(unreadable).toEqual([]);
  // A label whose `for` names no element labels nothing: clicking it does nothing, and it names no control (axe
  // does not report it). A group of checkboxes is named by its legend instead.
  const deadLabels = await page.locator("label[for]").evaluateAll((labels) =>
    labels.filter((l) => !document.getElementById(l.getAttribute("for") ?? "")).map((l) => `${l.getAttribute("for")}: ${l.textContent}`),
  );
  expect(deadLabels).toEqual([]);
}

/** Opens an invitation link, creates the account with a name and password, and lands on sign-in. */
export async function acceptInvitation(page: Page, link: string, name: string, password: string) {
  await page.goto(new URL(link).pathname);
  const accept = page.getByTestId("accept-invitation-form");
  await accept.getByLabel("お名前").fill(name);
  await accept.getByLabel("パスワード", { exact: true }).fill(password);
  await accept.getByLabel("新しいパスワード（確認）").fill(password);
  await accept.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Fills and sends the security page's change-password form. */
export async function submitPasswordChange(page: Page, current: string, next: string) {
  const form = page.getByTestId("change-password-form");
  await form.getByLabel("現在のパスワード").fill(current);
  await form.getByLabel("新しいパスワード", { exact: true }).fill(next);
  await form.getByLabel("新しいパスワード（確認）").fill(next);
  await form.getByRole("button", { name: "パスワードを変更" }).click();
  return form;
}
