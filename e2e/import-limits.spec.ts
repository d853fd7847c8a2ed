import { readFileSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { expect, test } from "./fixtures";
import { rawRequest } from "./raw-http";
import { signIn } from "./support";
import { IMPORT_ACTION_MAX_BYTES } from "@/lib/http/body-limits";

// The malformed files that once answered HTTP 500 (issue 18): each gets a message by JSON path in the
// reader's language, and nothing is imported; a file over the limit is answered by the app, not Next.

const sample = () => JSON.parse(readFileSync("examples/snapshot.sample.json", "utf8"));

async function accountCount(orgId: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    return await db.sellerAccount.count({ where: { orgId } });
  } finally {
    await db.$disconnect();
  }
}

test("long strings, a NUL, a prototype key and 10,000 levels of nesting: each refused by JSON path, nothing imported", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const before = await accountCount(tenant.orgId);
  const base = JSON.stringify(sample());
  const storeName = sample().accounts[0].storeName as string;
  const files: [string, string, string][] = [
    ["long", base.replace(JSON.stringify(storeName), JSON.stringify("店".repeat(20_000))), "200文字以内にしてください。"],
    ["nul", base.replace(JSON.stringify(storeName), JSON.stringify("Kumo\u0000Books")), "制御文字"],
    ["proto", base.replace(`"storeName":${JSON.stringify(storeName)}`, '"__proto__":{"storeName":"Smuggled"}'), "キー「__proto__」は使えません。"],
    ["deep", base.replace('"logins":[', `"logins":[${"[".repeat(10_000)}${"]".repeat(10_000)},`), "入れ子が深すぎます（32段まで）。"],
  ];
  const errors = page.getByTestId("import-errors");
  for (const [name, text, message] of files) {
    await page.getByLabel("ファイル（JSON、CSV または Excel）").setInputFiles({ name: `${name}.json`, mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "検証してプレビュー" }).click();
    await expect(errors, name).toContainText("何も取り込んでいません");
    await expect(errors, name).toContainText(name === "proto" ? "accounts[0].__proto__" : name === "deep" ? "accounts[0].logins[0][0]" : "accounts[0].storeName");
    await expect(errors, name).toContainText(message);
  }
  expect(await accountCount(tenant.orgId)).toBe(before);
});

test("a file over 5 MB is refused in the reader's language before it is sent, and by the server for any other client", async ({ page, tenant, context }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/import");
  const big = Buffer.from(JSON.stringify({ ...sample(), "x-padding": "x".repeat(6.5 * 1024 * 1024) }));
  await page.getByLabel("ファイル（JSON、CSV または Excel）").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: big });
  await page.getByRole("button", { name: "検証してプレビュー" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("(file): 5 MBを超えています。");

  // A script posting past the import page's own limit (a file and its text): 413 in the reader's language, from
  // the declared length, before the body is read.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).concat("gh_locale=en").join("; ");
  const tooBig = Buffer.alloc(IMPORT_ACTION_MAX_BYTES + 1, 0x78);
  const posted = await rawRequest({ method: "POST", path: "/import", from: "127.0.0.1", body: tooBig, headers: { cookie, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" } });
  expect(posted.status).toBe(413);
  expect(posted.body).toBe(`What was sent is too large (at most ${IMPORT_ACTION_MAX_BYTES / 1024 / 1024} MB).`);
  expect(await accountCount(tenant.orgId)).toBe(2);
});

test("a server action body over Next's limit is answered by the app in the reader's language", async ({ page, tenant }) => {
  await signIn(page, tenant.email, tenant.password);
  const response = await page.request.post("/settings", { data: "x".repeat(2 * 1024 * 1024), headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" } });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe("送信された内容が大きすぎます（1 MBまで）。");
});
