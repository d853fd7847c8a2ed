import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../validation/snapshot";
import { readLoginsCsv } from "./read-csv";

const en = [
  "account_id,store_name,seller_id,marketplaces,plan,login_id,role,email,name,external,company,login_status,last_login_at,password_changed_at,two_step,USER_PERMISSIONS,PAYMENTS,permission_marketplace",
  "acc-1,Sakura Tea,A1SAKURA,JP,PROFESSIONAL,l-1,PRIMARY,owner@sakura.example,Sato Hana,no,Sakura KK,ACTIVE,2026-11-20,2026/06/01,SMS:090-1234-5678; AUTHENTICATOR_APP,ADMIN,,",
  "acc-1,Sakura Tea,A1SAKURA,JP,PROFESSIONAL,l-2,SECONDARY,ken@blue.example,Ito Ken,yes,Blue Agency,ACTIVE,2026年10月1日,,AUTHENTICATOR_APP,,VIEW,JP",
].join("\r\n");

const ja = [
  "ストア名,出品者ID,ユーザーの種類,Eメール,氏名,ログインの状態,最終ログイン日,2段階認証,ユーザー権限",
  "さくら茶,A1SAKURA,プライマリーユーザー,owner@sakura.example,佐藤 花,有効,2026/4/1,テキストメッセージ:1234,管理者",
].join("\n");

describe("readLoginsCsv", () => {
  it("reads an English-header file into a valid snapshot: accounts grouped, levels per tool, 2SV methods, dates in any common form", () => {
    const result = readLoginsCsv(new TextEncoder().encode(en));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = parseSnapshot(result.snapshot);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [account] = parsed.snapshot.accounts;
    expect(account).toMatchObject({ id: "acc-1", storeName: "Sakura Tea", sellerId: "A1SAKURA", marketplaces: ["JP"], plan: "PROFESSIONAL" });
    expect(account.logins.map((l) => [l.id, l.role, l.lastLoginAt, l.passwordChangedAt])).toEqual([["l-1", "PRIMARY", "2026-11-20", "2026-06-01"], ["l-2", "SECONDARY", "2026-10-01", null]]);
    // Only the last four digits of a phone number are kept.
    expect(account.logins[0].twoStep).toEqual([{ kind: "SMS", role: "PRIMARY", deviceId: null, phoneLast4: "5678" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: null, phoneLast4: null }]);
    expect(account.logins[0].permissions).toEqual([{ tool: "USER_PERMISSIONS", level: "ADMIN", marketplace: null }]);
    expect(account.logins[1].permissions).toEqual([{ tool: "PAYMENTS", level: "VIEW", marketplace: "JP" }]);
    expect(parsed.snapshot.people.find((p) => p.id === "ken@blue.example")).toMatchObject({ name: "Ito Ken", external: true, company: "Blue Agency" });
  });

  it("reads Japanese headers and labels, in UTF-8 with a BOM and in Shift_JIS as Japanese Excel saves it", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ja)]);
    // Shift_JIS bytes of the same text, as Excel (Japan) writes them: "さくら茶" is 82 B3 82 AD 82 E7 92 83.
    const sjis = encodeShiftJis(ja);
    for (const [bytes, encoding] of [[bom, "utf-8"], [sjis, "shift_jis"]] as const) {
      const result = readLoginsCsv(bytes);
      expect(result.encoding).toBe(encoding);
      const parsed = result.ok ? parseSnapshot(result.snapshot) : null;
      expect(parsed?.ok && parsed.snapshot.accounts[0]).toMatchObject({ storeName: "さくら茶", logins: [{ role: "PRIMARY", status: "ACTIVE", lastLoginAt: "2026-04-01", permissions: [{ tool: "USER_PERMISSIONS", level: "ADMIN" }] }] });
    }
  });

  it("refuses a column that looks like it holds a password or an OTP secret, and names bad cells by row and column", () => {
    const secret = readLoginsCsv(new TextEncoder().encode("store_name,role,login_status,email,Password\nS,PRIMARY,ACTIVE,a@b.example,hunter2"));
    expect(secret).toMatchObject({ ok: false, problems: [{ row: 1, column: "Password", key: "secretColumn" }] });
    expect(JSON.stringify(secret)).not.toContain("hunter2");
    const bad = readLoginsCsv(new TextEncoder().encode("store_name,role,login_status,email,last_login_at,PAYMENTS\nS,OWNER,ACTIVE,a@b.example,2026/13/01,EVERYTHING"));
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.problems.map((p) => [p.row, p.column, p.value, p.key])).toEqual([
      [2, "role", "OWNER", "badValue"], [2, "last_login_at", "2026/13/01", "badDate"], [2, "PAYMENTS", "EVERYTHING", "badValue"],
    ]);
    expect(readLoginsCsv(new TextEncoder().encode('store_name,role\n"broken,PRIMARY'))).toMatchObject({ ok: false, problems: [{ key: "csvSyntax" }] });
  });
});

/** Shift_JIS encoder for the test's few characters (Node has a decoder, not an encoder). */
function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder("shift_jis");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0x9f; hi++) for (let lo = 0x40; lo <= 0xfc; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  for (let hi = 0xe0; hi <= 0xef; hi++) for (let lo = 0x40; lo <= 0xfc; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return new Uint8Array(out);
}

describe("the downloadable templates", () => {
  it("import as they are, in both languages, to the same data", async () => {
    const { loginsTemplateCsv } = await import("./template");
    const read = (lang: "ja" | "en") => {
      const result = readLoginsCsv(new TextEncoder().encode(loginsTemplateCsv(lang)));
      const parsed = result.ok ? parseSnapshot(result.snapshot) : null;
      expect(parsed?.ok).toBe(true);
      return parsed?.ok ? parsed.snapshot.accounts.map((a) => a.logins.map((l) => [l.id, l.role, l.status, l.lastLoginAt, l.twoStep.length, l.permissions])) : null;
    };
    expect(read("ja")).toEqual(read("en"));
  });
});

describe("readLoginsXlsx", () => {
  it("reads the Excel template like the CSV one, with date cells and formulas taken by their saved value", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { readLoginsXlsx, sheetXlsx } = await import("./read-xlsx");
    const { loginsTemplateRows } = await import("./template");
    const fromTemplate = await readLoginsXlsx(await sheetXlsx(loginsTemplateRows("ja")));
    const fromCsv = readLoginsCsv(new TextEncoder().encode((await import("./template")).loginsTemplateCsv("ja")));
    expect(fromTemplate.ok && fromTemplate.snapshot).toEqual(fromCsv.ok && fromCsv.snapshot);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("x");
    sheet.addRow(["store_name", "role", "login_status", "email", "last_login_at"]);
    sheet.addRow([{ formula: "\"Sakura\"&\" Tea\"", result: "Sakura Tea" }, "PRIMARY", "ACTIVE", "a@b.example", new Date(Date.UTC(2026, 3, 1))]);
    const result = await readLoginsXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const parsed = result.ok ? parseSnapshot(result.snapshot) : null;
    expect(parsed?.ok && parsed.snapshot.accounts[0]).toMatchObject({ storeName: "Sakura Tea", logins: [{ lastLoginAt: "2026-04-01" }] });
    expect(await readLoginsXlsx(new TextEncoder().encode("not a workbook"))).toMatchObject({ ok: false, problems: [{ key: "xlsxUnreadable" }] });
  });
});
