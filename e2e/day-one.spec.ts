import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { expectNoSeriousViolations } from "./support";

// A real agency's first minutes, from an empty database: its own app process (the suite's server already
// holds organisations), started exactly as a user would with GATEHOUSE_SEED=none, on a fresh database and
// port. It reuses the suite's build, so it only starts `next start` (a few seconds).
const port = Number(process.env.E2E_PORT ?? 3210) + 50;
const base = `http://localhost:${port}`;
const PASSWORD = "harbour lantern quietly 2026";

let app: ChildProcess | undefined;
let output = "";
let dataDir: string;
let database: { url: string; drop: () => Promise<void> } | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Dropped afterwards with the app role the app creates in it (roles outlive their database).
  database = await createThrowawayDatabase(process.env.E2E_DATABASE_URL!, "gh_day_one");
  dataDir = mkdtempSync(join(tmpdir(), "gh-day-one-"));
  app = spawn("npm", ["start"], {
    detached: true, // its own process group: npm, the launcher and next stop together
    env: { ...process.env, NODE_OPTIONS: "", PORT: String(port), DATABASE_URL: database.url, GATEHOUSE_SEED: "none", GATEHOUSE_DATA_DIR: dataDir,
      // Never rebuild the .next the suite's own server is serving from.
      GATEHOUSE_REUSE_BUILD: "1", AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop" },
  });
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(async () => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 200_000, intervals: [500] }).toBe(200);
  await expect.poll(() => /setup\?token=/.test(output), { timeout: 30_000 }).toBe(true);
});

test.afterAll(async () => {
  if (app?.pid) {
    process.kill(-app.pid, "SIGTERM");
    await new Promise((resolve) => (app!.exitCode !== null ? resolve(null) : app!.once("exit", resolve)));
  }
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("from an empty database: the setup link, the agency, a client, an account, a primary login with SMS only → the finding → a backup resolves it", async ({ page }) => {
  test.setTimeout(180_000);
  // The link is printed once, with its single-use token; nothing else opens /setup.
  const links = output.match(/http:\/\/localhost:\d+\/setup\?token=[\w-]+/g) ?? [];
  expect(links).toHaveLength(1);
  const link = new URL(links[0]!);
  expect((await page.request.get(`${base}/setup`)).status()).toBe(404);
  expect((await page.request.get(`${base}/setup?token=${"x".repeat(43)}`)).status()).toBe(404);

  await page.goto(`${base}${link.pathname}${link.search}`);
  await expectNoSeriousViolations(page);
  const setup = page.getByTestId("setup-form");
  // Every field error at once, the confirmation's with the others (decision 090), not one round trip each.
  await setup.getByLabel("あなたの氏名").fill("   ");
  await setup.getByLabel("メールアドレス（サインインに使います）").fill("not-an-email");
  await setup.getByLabel("パスワード", { exact: true }).fill("short");
  await setup.getByLabel("新しいパスワード（確認）").fill("short2");
  await setup.getByRole("button", { name: "組織を作成してサインイン" }).click();
  for (const label of ["代理店名（組織名）", "あなたの氏名", "メールアドレス（サインインに使います）", "新しいパスワード（確認）"])
    await expect(setup.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  await expect(setup.getByLabel("パスワード", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await setup.getByLabel("代理店名（組織名）").fill("さくら代理店");
  await setup.getByLabel("あなたの氏名").fill("佐藤 花");
  await setup.getByLabel("メールアドレス（サインインに使います）").fill("owner@sakura-agency.example");
  // A weak password is refused at its field and the rest stays as typed.
  await setup.getByLabel("パスワード", { exact: true }).fill("password1234");
  await setup.getByLabel("新しいパスワード（確認）").fill("password1234");
  await setup.getByRole("button", { name: "組織を作成してサインイン" }).click();
  await expect(setup.getByLabel("パスワード", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(setup.getByLabel("代理店名（組織名）")).toHaveValue("さくら代理店");
  await setup.getByLabel("パスワード", { exact: true }).fill(PASSWORD);
  await setup.getByLabel("新しいパスワード（確認）").fill(PASSWORD);
  await setup.getByRole("button", { name: "組織を作成してサインイン" }).click();
  // Signed in, and offered two-factor enrolment first.
  await expect(page).toHaveURL(/\/security\?welcome=1$/);
  await expect(page.getByTestId("setup-welcome")).toBeVisible();
  await expect(page.getByTestId("org-name")).toContainText("さくら代理店");
  // Used: the link is gone.
  expect((await page.request.get(link.toString())).status()).toBe(404);

  // An empty organisation: how to begin, not empty tables.
  await page.goto(`${base}/accounts`);
  await expect(page.getByTestId("getting-started")).toBeVisible();
  await page.getByTestId("start-add-client").click();
  await expect(page).toHaveURL(/\/clients$/);
  await page.getByTestId("add-client-form").getByLabel("クライアント名").fill("Kumo KK");
  await page.getByTestId("add-client-form").getByRole("button", { name: "クライアントを追加" }).click();
  await expect(page.getByTestId("client-row")).toHaveCount(1);
  await expectNoSeriousViolations(page);

  await page.goto(`${base}/accounts`);
  await expect(page.getByTestId("start-add-account")).toBeVisible();
  await page.goto(`${base}/clients`);
  // From the client's row straight to a new account with the client chosen.
  await page.getByTestId("client-add-account").click();
  await expect(page).toHaveURL(/\/accounts\/new\?client=/);
  const add = page.getByTestId("new-account-form");
  await expect(add.getByLabel("クライアント").locator("option:checked")).toHaveText("Kumo KK");
  // A region ticks its marketplaces (North America is one account for US, CA and MX); back to Japan.
  await add.getByLabel("地域").selectOption("NA");
  await expect(add.getByRole("checkbox", { name: "US" })).toBeChecked();
  await expect(add.getByRole("checkbox", { name: "MX" })).toBeChecked();
  await expect(add.getByRole("checkbox", { name: "JP" })).not.toBeChecked();
  await add.getByLabel("地域").selectOption("JP");
  await expect(add.getByRole("checkbox", { name: "JP" })).toBeChecked();
  await expect(add.getByRole("checkbox", { name: "US" })).not.toBeChecked();
  await add.getByLabel("ストア名").fill("Kumo Books");
  // Any one line is a seller ID (decision 068); a text-direction override is not.
  await add.getByLabel("出品者ID").fill("A2\u202eEXAMPLE0001");
  await add.getByLabel("クライアント").selectOption({ label: "Kumo KK" });
  await expectNoSeriousViolations(page);
  await add.getByRole("button", { name: "追加する" }).click();
  await expect(add.getByText("制御文字（NUL、改行、文字の向きを変える記号など）は使えません。")).toBeVisible();
  await expect(add.getByLabel("ストア名")).toHaveValue("Kumo Books");
  await add.getByLabel("出品者ID").fill("a2example0001");
  await add.getByRole("button", { name: "追加する" }).click();
  await expect(page).toHaveURL(/\/accounts\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kumo Books");
  await expect(page.getByText("A2EXAMPLE0001")).toBeVisible();
  await expect(page.getByTestId("provenance").first()).toContainText("手入力");

  await page.getByTestId("add-login").getByText("ログインを追加").click();
  const login = page.getByTestId("add-login-form");
  // The account's first login is offered as its primary user.
  await expect(login.getByLabel("種別")).toHaveValue("PRIMARY");
  await login.getByLabel("ログイン（メールアドレス）").fill("owner@kumo.example");
  await login.getByLabel("新しい関係者の氏名").fill("雲 太郎");
  await login.getByLabel("最終ログイン").fill(new Date().toISOString().slice(0, 10));
  await login.getByRole("button", { name: "追加する" }).click();
  const row = page.getByTestId("login-row").filter({ hasText: "owner@kumo.example" });
  await expect(row).toBeVisible();
  await expect(page.locator('[data-testid="finding"][data-rule="NO_2SV"]')).toBeVisible();

  await row.getByText("編集（Seller Centralで確認した内容を記録）").click();
  const method = row.getByTestId("add-method-form");
  await method.getByLabel("種類").selectOption("SMS");
  // A login's first method is its primary one: the form starts there (stop 42: it began at the backup role).
  await expect(method.getByLabel("役割")).toHaveValue("PRIMARY");
  await method.getByLabel("電話番号の下4桁").fill("1234");
  await method.getByRole("button", { name: "追加" }).click();
  await expect(page.locator('[data-testid="finding"][data-rule="PRIMARY_NO_BACKUP"]')).toBeVisible();
  await expect(page.locator('[data-testid="finding"][data-rule="NO_2SV"]')).toHaveCount(0);
  await expectNoSeriousViolations(page);

  const again = page.getByTestId("login-row").filter({ hasText: "owner@kumo.example" });
  if (!(await again.getByTestId("add-method-form").isVisible())) await again.getByText("編集（Seller Centralで確認した内容を記録）").click();
  const backup = again.getByTestId("add-method-form");
  await backup.getByLabel("種類").selectOption("AUTHENTICATOR_APP");
  await expect(backup.getByLabel("役割")).toHaveValue("BACKUP");
  await backup.getByRole("button", { name: "追加" }).click();
  await expect(page.locator('[data-testid="finding"][data-rule="PRIMARY_NO_BACKUP"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="finding"][data-rule="SMS_ONLY"]')).toHaveCount(0);

  // The start printed the link once; a restart would only say where the (now removed) token was.
  expect(output.match(/setup\?token=[\w-]+/g)).toHaveLength(1);
});
