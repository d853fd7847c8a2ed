import { describe, expect, it } from "vitest";
import { describeBookCheck } from "../i18n/sheet-problems";
import { messages } from "../i18n/messages";
import { interpolate } from "../i18n/format";
import { encodeCsvRow } from "../csv";
import { checkBook, valueAt } from "./all-problems";
import { readBulkFiles } from "./read-bulk";
import { loginsTemplateRows } from "./template";
import { generateSnapshot } from "../risk/generate";

const t = (key: keyof (typeof messages)["ja"], vars?: Record<string, string | number>) => interpolate(messages.ja[key], vars, "ja");
const csv = (rows: string[][]) => ({ name: "logins.csv", bytes: new TextEncoder().encode(rows.map(encodeCsvRow).join("")) });

/** The template's header and first row, then a second account's row with `bad` cells (by English header). */
function fileWith(bad: Record<string, string>) {
  const [header, first] = loginsTemplateRows("en");
  const second = header.map((h, i) => bad[h] ?? (h === "account_id" ? "acc-bad" : h === "store_name" ? "Bad Store" : h === "seller_id" ? "A9BADSTORE01" : first[i]));
  return csv([header, first, first.map((c, i) => (header[i] === "login_id" ? "l-x" : header[i] === "email" ? "x@sakura.example" : header[i] === "role" ? "SECONDARY" : c)), second]);
}

describe("one upload, every problem", () => {
  it("names unreadable cells and the snapshot's problems of the same row together (the e-mail no longer waits for a second round)", async () => {
    const book = await readBulkFiles([fileWith({ external: "maybe", last_login_at: "2026-13-45", role: "BOSS", email: "not-an-email" })]);
    expect(book.ok).toBe(false);
    if (book.ok || !book.snapshot) throw new Error("expected a readable book with problems");
    const check = checkBook(book.snapshot, book.placeOf!, book.problems);
    expect(check.cellProblems.map((p) => `${p.row} ${p.column} ${p.value}`).sort()).toEqual(["4 external maybe", "4 last_login_at 2026-13-45", "4 role BOSS"]);
    // The role left out by its unreadable cell is not named twice; the e-mail's form is named, by its row.
    expect(check.schemaErrors.map((e) => [e.place?.row, e.error.path])).toEqual([[4, "accounts[1].logins[0].email"]]);
    expect(check.crossRowChecked).toBe(false);
    const described = describeBookCheck(check, t, "ja");
    expect(described).toHaveLength(4);
    expect(described.map((d) => d.path).every((p) => p.startsWith("4行目"))).toBe(true);
    expect(described.at(-1)!.message).toContain("メールアドレス");
    expect(described.find((d) => d.path.includes("role"))!.message).toContain("PRIMARY (プライマリーユーザー), SECONDARY (サブユーザー)");
    // An English reader is given the values in English: no Japanese label in the list.
    const en = (key: keyof (typeof messages)["en"], vars?: Record<string, string | number>) => interpolate(messages.en[key], vars, "en");
    const inEnglish = describeBookCheck(check, en, "en");
    expect(inEnglish.find((d) => d.path.includes("role"))!.message).toBe('"BOSS" is not a value this column takes. Accepted: PRIMARY, SECONDARY.');
    expect(inEnglish.find((d) => d.path.includes("external"))!.message).toBe('"maybe" is not a value this column takes. Accepted: yes / no, true / false, 1 / 0.');
  });

  it("orders a file's problems by row, whichever check found them", async () => {
    const [header, first] = loginsTemplateRows("en");
    const row = (over: Record<string, string>) => header.map((h, i) => over[h] ?? first[i]);
    const book = await readBulkFiles([csv([header, row({ email: "bad-email", login_id: "l-a" }), row({ role: "BOSS", login_id: "l-b", email: "b@x.example" })])]);
    if (book.ok || !book.snapshot) throw new Error("expected a readable book with problems");
    const described = describeBookCheck(checkBook(book.snapshot, book.placeOf!, book.problems), t, "ja");
    expect(described.map((d) => d.path.slice(0, 3))).toEqual(["2行目", "3行目"]);
  });

  it("names a login e-mail and a 2SV method recorded twice by row, in the same answer as a row's unreadable cell (decision 074)", async () => {
    const [header, first] = loginsTemplateRows("en");
    const row = (over: Record<string, string>) => header.map((h, i) => over[h] ?? first[i]);
    const book = await readBulkFiles([
      csv([
        header,
        row({ two_step: "SMS:1234; SMS:1234 (BACKUP)" }),
        row({ login_id: "l-again", role: "SECONDARY", email: "OWNER@Sakura.example", two_step: "" }),
        row({ account_id: "acc-other", store_name: "Other", seller_id: "A9OTHER00001", external: "maybe" }),
      ]),
    ]);
    if (book.ok || !book.snapshot) throw new Error("expected a readable book with problems");
    const check = checkBook(book.snapshot, book.placeOf!, book.problems);
    expect(check.cellProblems.map((p) => [p.row, p.column])).toEqual([[4, "external"]]);
    expect(check.schemaErrors.map((e) => [e.place?.row, e.error.path, e.error.reason?.key])).toEqual([
      [2, "accounts[0].logins[0].twoStep[1]", "twoStepMethodTwice"],
      [3, "accounts[0].logins[1].email", "loginEmailTwice"],
    ]);
    expect(check.crossRowChecked).toBe(true);
    const described = describeBookCheck(check, t, "ja");
    expect(described.map((d) => d.path.slice(0, 3))).toEqual(["2行目", "3行目", "4行目"]);
    expect(described[1].message).toContain("OWNER@Sakura.example");
  });

  it("keeps a file-level problem (an unknown column) on its own: no rows were read to check", async () => {
    const [header, first] = loginsTemplateRows("en");
    const book = await readBulkFiles([csv([[...header, "colour"], [...first, "red"]])]);
    expect(book.ok).toBe(false);
    expect(!book.ok && book.snapshot).toBeFalsy();
  });

  it("refuses a 2SV cell whose phone has fewer than 4 digits by row, and takes any one-line seller ID as the snapshot does", async () => {
    const book = await readBulkFiles([fileWith({ seller_id: "123-456", two_step: "SMS:12" })]);
    if (book.ok || !book.snapshot) throw new Error("expected a readable book with problems");
    const check = checkBook(book.snapshot, book.placeOf!, book.problems);
    expect(check.cellProblems.map((p) => [p.row, p.column, p.value, p.key])).toEqual([[4, "two_step", "SMS:12", "badTwoStep"]]);
    expect(check.schemaErrors).toEqual([]);
    expect(describeBookCheck(check, t, "ja")[0].message).toContain("SMS:1234");
  });

  it("refuses a 2SV sheet's phone with fewer than 4 digits", async () => {
    const [header, first] = loginsTemplateRows("en");
    const twoStep = [["account_id", "login_id", "method", "phone"], ["acc-sakura", first[header.indexOf("login_id")], "SMS", "12"]];
    const book = await readBulkFiles([csv([header, first]), { ...csv(twoStep), name: "two_step.csv" }]);
    expect(!book.ok && book.problems.map((p) => [p.sheet, p.row, p.column, p.key])).toEqual([["two_step.csv", 2, "phone", "badPhone"]]);
  });

  it("finds values by their formatted JSON path", () => {
    const doc = { accounts: [{ logins: [{ email: "a" }, { role: undefined }] }] };
    expect(valueAt(doc, "accounts[0].logins[0].email")).toBe("a");
    expect(valueAt(doc, "accounts[0].logins[1].role")).toBeUndefined();
    expect(valueAt(doc, "accounts[3].storeName")).toBeUndefined();
    expect(valueAt(doc, "(root)")).toBe(doc);
  });

  it("leaves the checks across rows for later when a row was left out for a missing cell: the rows naming it are not reported", () => {
    const snapshot = JSON.parse(JSON.stringify(generateSnapshot(3, 7, { asOf: "2026-12-04" }))) as { devices: { id: string }[]; accounts: { logins: { twoStep: { deviceId: string | null }[] }[] }[] };
    const used = snapshot.accounts.flatMap((a) => a.logins.flatMap((l) => l.twoStep.map((m) => m.deviceId))).find((id) => id !== null);
    if (!used) throw new Error("the generated snapshot names no device");
    // The devices sheet's row of that device had a missing cell, so the reader left it out.
    snapshot.devices = snapshot.devices.filter((d) => d.id !== used);
    const missing = { row: 2, column: "device_kind", key: "missing" as const, sheet: "devices" };
    expect(checkBook(snapshot, () => null, []).schemaErrors.some((e) => e.error.reason?.key === "unknownRef")).toBe(true);
    const check = checkBook(snapshot, () => null, [missing]);
    expect(check.schemaErrors.filter((e) => e.error.reason?.key === "unknownRef")).toEqual([]);
    expect(check.crossRowChecked).toBe(false);
    expect(check.cellProblems).toEqual([missing]);
  });
});
