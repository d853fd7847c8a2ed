import { describe, expect, it } from "vitest";
import { describeSheetProblem } from "../i18n/sheet-problems";
import { messages } from "../i18n/messages";
import { interpolate } from "../i18n/format";
import { loginsSheetToSnapshot } from "./logins-sheet";
import { encodeCsvRow } from "../csv";
import { readBulkFiles } from "./read-bulk";

const ja = (key: keyof (typeof messages)["ja"], vars?: Record<string, string | number>) => interpolate(messages.ja[key], vars, "ja");
const en = (key: keyof (typeof messages)["en"], vars?: Record<string, string | number>) => interpolate(messages.en[key], vars, "en");

const HEADER = ["account_id", "store_name", "seller_id", "region", "plan", "login_id", "role", "email", "person_id", "name", "external", "company", "login_status", "two_step", "permission_marketplace", "PAYMENTS"];
const owner = ["nu-a1", "Nu Matcha", "A1NUMATCHA01", "JP", "PROFESSIONAL", "l1", "PRIMARY", "owner@matcha.example", "p-owner1", "Owner", "no", "", "ACTIVE", "SMS:1234", "JP", "VIEW_EDIT"];
const row = (changes: Record<string, string>) => HEADER.map((h, i) => changes[h] ?? owner[i]);

describe("a repeated row only adds permissions (decision 083)", () => {
  it("refuses a login id repeated for another user (the tester's file), naming its columns and the first row, in ja and en", () => {
    const vendor = row({ role: "SECONDARY", email: "va@vendor.example", person_id: "p-va", name: "Vendor VA", external: "yes", two_step: "AUTHENTICATOR_APP", PAYMENTS: "VIEW" });
    const sheet = loginsSheetToSnapshot([HEADER, owner, vendor]);
    expect(sheet.ok).toBe(false);
    if (sheet.ok) return;
    expect(sheet.problems.map((p) => [p.row, p.key, p.column])).toEqual([[3, "repeatedLogin", "email"]]);
    expect(describeSheetProblem(sheet.problems[0], ja, "ja")).toEqual({
      path: "3行目「email」",
      message: "ログインID「l1」は2行目と同じですが、「email」「person_id」「role」「two_step」が違います。同じログインを繰り返す行で足せるのは権限（権限のマーケットプレイスと各ツールの権限）だけです。別のログインなら別のログインIDにしてください。",
    });
    expect(describeSheetProblem(sheet.problems[0], en, "en").message).toBe(
      'login id "l1" is the one of row 2, but its "email", "person_id", "role", "two_step" differ from row 2\'s. A row repeating a login may only add permissions (permission marketplace and tool levels); give another login another login id.',
    );
  });

  it("accepts a login repeated for another marketplace, adding its permissions", () => {
    const sheet = loginsSheetToSnapshot([HEADER, owner, row({ permission_marketplace: "US", PAYMENTS: "VIEW" })]);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    const login = (sheet.snapshot as { accounts: { logins: { permissions: unknown[] }[] }[] }).accounts[0].logins[0];
    expect(login.permissions).toEqual([{ tool: "PAYMENTS", level: "VIEW_EDIT", marketplace: "JP" }, { tool: "PAYMENTS", level: "VIEW", marketplace: "US" }]);
  });

  it("refuses an account's and a person's details that differ on a later row, by the file's own headings", () => {
    const headerJa = ["アカウントID", "ストア名", "出品者ID", "リージョン", "プラン", "ログインID", "ユーザーの種類", "Eメール", "人のID", "氏名", "外部", "会社", "ログインの状態", "2段階認証", "権限のマーケットプレイス", "PAYMENTS"];
    const other = row({ login_id: "l2", role: "SECONDARY", email: "b@matcha.example", person_id: "p-b", name: "B", store_name: "Nu Macha", plan: "INDIVIDUAL" });
    const again = row({ account_id: "nu-a2", store_name: "Nu Sencha", seller_id: "A1NUSENCHA01", login_id: "l9", name: "Owner Renamed", company: "Matcha KK" });
    const sheet = loginsSheetToSnapshot([headerJa, owner, other, again]);
    expect(sheet.ok).toBe(false);
    if (sheet.ok) return;
    expect(sheet.problems.map((p) => [p.row, p.key, p.column, p.vars?.first])).toEqual([
      [3, "repeatedAccount", "ストア名", 2],
      [4, "repeatedPerson", "氏名", 2],
    ]);
    expect(describeSheetProblem(sheet.problems[0], ja, "ja").message).toBe("アカウント「nu-a1」の「ストア名」「プラン」が2行目と違います。同じアカウントの行には同じ内容を書いてください。");
    expect(describeSheetProblem(sheet.problems[1], en, "en").message).toBe('person "p-owner1": "氏名", "会社" differ from row 2\'s. Write a person\'s details the same on each of their rows.');
  });

  it("does not compare a person's name taken from the e-mail (no name written), e.g. one person with an e-mail per account", () => {
    const noName = HEADER.indexOf("name");
    const h = HEADER.filter((_, i) => i !== noName);
    const cut = (r: string[]) => r.filter((_, i) => i !== noName);
    const second = cut(row({ account_id: "nu-a2", store_name: "Nu Sencha", seller_id: "A1NUSENCHA01", email: "owner@sencha.example" }));
    expect(loginsSheetToSnapshot([h, cut(owner), second]).ok).toBe(true);
  });

  it("refuses the same on the import page (its files read as one workbook)", async () => {
    const vendor = row({ role: "SECONDARY", email: "va@vendor.example", person_id: "p-va" });
    const book = await readBulkFiles([{ name: "logins.csv", bytes: new TextEncoder().encode([HEADER, owner, vendor].map(encodeCsvRow).join("")) }]);
    expect(book.ok).toBe(false);
    if (book.ok) return;
    expect(book.problems.map((p) => [p.row, p.key])).toEqual([[3, "repeatedLogin"]]);
  });
});
