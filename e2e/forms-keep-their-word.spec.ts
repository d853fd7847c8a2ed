import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signIn } from "./support";

// Two promises a form makes, walked as a user would: a "same name, add anyway?" tick answers the question about that
// name only (decision 070), and a name typed past its limit is refused with the limit, never cut short silently.

const SAME_NAME = "同じ名前の別の人として追加する";

async function addPersonNamedTwice(page: Page) {
  await page.goto("/people");
  const section = page.getByTestId("add-person");
  await section.locator("summary").click();
  const add = page.getByTestId("add-person-form");
  // Without JavaScript the answer is a new page: the section it was sent from opens with it, the question in view.
  const submit = async () => {
    await add.getByRole("button", { name: "追加する" }).click();
    await page.waitForLoadState();
  };
  await add.getByLabel("氏名").fill("kumo lead");
  await submit();
  await expect(add.getByText("「kumo lead」と同じ名前の関係者がすでにいます: Kumo Lead (Kumo KK,")).toBeVisible();
  // The question's words once, as the box's own name.
  const box = add.getByRole("checkbox", { name: SAME_NAME });
  await expect(box).not.toBeChecked();
  await expect(add.getByText(SAME_NAME, { exact: true })).toHaveCount(1);
  await expect(add.getByLabel(SAME_NAME)).toHaveCount(1);
  await box.check();
  // Changed mind: another name, also taken. The tick was for Kumo Lead: the app asks again, about Kumo Owner.
  await add.getByLabel("氏名").fill("KUMO OWNER");
  await submit();
  await expect(add.getByText("「KUMO OWNER」と同じ名前の関係者がすでにいます: Kumo Owner (Kumo KK,")).toBeVisible();
  await expect(add.getByRole("checkbox", { name: SAME_NAME })).not.toBeChecked();
  await expect(add.getByLabel("氏名")).toHaveValue("KUMO OWNER");
  // Ticked for this name, it is added.
  await add.getByRole("checkbox", { name: SAME_NAME }).check();
  await add.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("KUMO OWNER");
}

test("a same-name tick counts for the name it was asked about: changed to another taken name, the app asks again", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await addPersonNamedTwice(page);
  await page.goto("/people");
  await page.getByTestId("add-person").locator("summary").click();
  await page.getByTestId("add-person-form").getByLabel("氏名").fill("kumo lead");
  await page.getByTestId("add-person-form").getByRole("button", { name: "追加する" }).click();
  await expectNoSeriousViolations(page);
});

test("with JavaScript off, the same-name question is bound to its name by the server", async ({ browser, page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    await addPersonNamedTwice(await context.newPage());
  } finally {
    await context.close();
  }
});

test("a client name typed past 200 characters is kept and refused with the limit and its length, not cut short", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/clients");
  const rows = page.getByTestId("client-row");
  const before = await rows.count();
  const add = page.getByTestId("add-client-form");
  const typed = `Kumo ${"長".repeat(210)}`;
  await add.getByLabel("クライアント名").fill(typed);
  await expect(add.getByLabel("クライアント名")).toHaveValue(typed);
  await add.getByRole("button", { name: "クライアントを追加" }).click();
  await expect(add.getByText("200文字までです（215文字入力されています）。入力はそのまま残しています。短くしてからもう一度送信してください。")).toBeVisible();
  await expect(add.getByLabel("クライアント名")).toHaveValue(typed);
  const saved = (name: string) => page.getByTestId("client-row").filter({ has: page.locator(`input[value="${name}"]`) });
  await expect(rows).toHaveCount(before);
  // Shortened to the limit, it is added whole.
  const fits = typed.slice(0, 200);
  await add.getByLabel("クライアント名").fill(fits);
  await add.getByRole("button", { name: "クライアントを追加" }).click();
  await expect(saved(fits)).toHaveCount(1);
  await expect(rows).toHaveCount(before + 1);
  await expectNoSeriousViolations(page);
});

test("with JavaScript off, the server refuses a too-long client name the same way and keeps it", async ({ browser, page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const tab = await context.newPage();
    await tab.goto("/clients");
    const add = tab.getByTestId("add-client-form");
    const typed = "C".repeat(215);
    await add.getByLabel("クライアント名").fill(typed);
    await add.getByRole("button", { name: "クライアントを追加" }).click();
    await expect(add.getByText("200文字までです（215文字入力されています）。入力はそのまま残しています。短くしてからもう一度送信してください。")).toBeVisible();
    await expect(add.getByLabel("クライアント名")).toHaveValue(typed);
  } finally {
    await context.close();
  }
});
