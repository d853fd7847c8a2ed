import { describe, expect, it } from "vitest";
import { buildDemoPortfolio } from "../demo/demo-snapshot";
import { evaluateSnapshot } from "../risk/evaluate";
import { generateSnapshot } from "../risk/generate";
import { accountFieldsKey, appKey, deviceKey, loginKey, otherAccessKey, partnerKey, personKey } from "../snapshots/canonical";
import { parseSnapshot, type Snapshot } from "../validation/snapshot";
import { readBulkFiles } from "./read-bulk";
import { workbookXlsx } from "./read-xlsx";
import { kindOfHeaders } from "./sheet-kinds";
import { snapshotToWorkbook } from "./snapshot-to-workbook";
import { encodeCsv } from "../csv";
import { workbookToSnapshot } from "./workbook";

const TODAY = "2026-12-04";

/** Everything a snapshot says, order-free, in the upsert's own comparison keys. */
function canonical(s: Snapshot) {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    people: sorted(s.people.map(personKey)),
    devices: sorted(s.devices.map(deviceKey)),
    accounts: sorted(s.accounts.map((a) => JSON.stringify([a.id, accountFieldsKey(a), sorted(a.logins.map(loginKey)), sorted(a.partners.map(partnerKey)), sorted(a.apps.map(appKey)), otherAccessKey(a.otherAccess)]))),
  };
}

const findings = (s: Snapshot) => evaluateSnapshot(s, { asOf: TODAY }).accounts.map((a) => [a.id, a.findings.map((f) => `${f.rule}:${f.subject.type}:${f.subject.id}`).sort()]);

function readBack(snapshot: Snapshot, lang: "ja" | "en"): Snapshot {
  const result = workbookToSnapshot(snapshotToWorkbook(snapshot, lang).map((s) => ({ name: s.name, cells: s.rows })));
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  const parsed = parseSnapshot(result.snapshot);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.snapshot;
}

describe("the bulk workbook", () => {
  const demo = parseSnapshot(buildDemoPortfolio(TODAY).snapshot);
  if (!demo.ok) throw new Error("demo snapshot invalid");

  it("round-trips the demo portfolio through an .xlsx in both languages: same records, same findings", async () => {
    for (const lang of ["ja", "en"] as const) {
      const bytes = await workbookXlsx(snapshotToWorkbook(demo.snapshot, lang));
      const read = await readBulkFiles([{ name: "export.xlsx", bytes }]);
      expect(read.ok && read.listed).toEqual(["logins", "partners", "apps", "otherAccess"]);
      const parsed = parseSnapshot(read.ok ? read.snapshot : null);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(canonical(parsed.snapshot)).toEqual(canonical(demo.snapshot));
      expect(findings(parsed.snapshot)).toEqual(findings(demo.snapshot));
    }
  });

  it("round-trips generated portfolios (rows only, no Excel in between)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const snapshot = generateSnapshot(5 + seed, seed);
      const back = readBack(snapshot, seed % 2 ? "ja" : "en");
      expect(canonical(back)).toEqual(canonical(snapshot));
      expect(findings(back)).toEqual(findings(snapshot));
    }
  });

  it("reads one CSV per kind, told apart by their headers, in either language and encoding", async () => {
    const sheets = snapshotToWorkbook(demo.snapshot, "ja");
    const files = sheets.map((s, i) => ({ name: `${s.kind}.csv`, bytes: new TextEncoder().encode((i % 2 ? "\uFEFF" : "") + encodeCsv(s.rows)) }));
    for (const s of sheets) expect(kindOfHeaders(s.rows[0])).toBe(s.kind);
    const read = await readBulkFiles(files);
    const parsed = parseSnapshot(read.ok ? read.snapshot : null);
    expect(parsed.ok && canonical(parsed.snapshot)).toEqual(canonical(demo.snapshot));
  });

  it("tells a people list with e-mail addresses from a logins sheet: the e-mail column is named, not a logins sheet's missing columns", async () => {
    // Headers only a people list has, plus an e-mail column (which a logins sheet also knows).
    expect(kindOfHeaders(["person_id", "name", "email"])).toBe("people");
    expect(kindOfHeaders(["人のID", "氏名", "Eメール", "会社"])).toBe("people");
    // A real logins sheet stays one, whatever people columns it carries.
    expect(kindOfHeaders(["account_id", "store_name", "person_id", "name", "email", "role", "status"])).toBe("logins");
    expect(kindOfHeaders(["store_name", "email", "role", "status"])).toBe("logins");
    const read = await readBulkFiles([{ name: "people.csv", bytes: new TextEncoder().encode("person_id,name,email\np1,Sato Hana,hana@example.com\n") }]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([expect.objectContaining({ row: 1, column: "email", key: "unknownColumn" })]);
  });

  it("names the sheet, row, column and value of every problem, and refuses secret columns unread", () => {
    const result = workbookToSnapshot([
      { name: "accounts", cells: [["account_id", "store_name", "plan"], ["a1", "Sakura", "GOLD"], ["a1", "Sakura", ""]] },
      { name: "パートナー", cells: [["アカウントID", "会社", "リンク送信日"], ["a2", "Blue", "2026/11/01"], ["a1", "Blue", "2026年13月1日"]] },
      { name: "two_step", cells: [["account_id", "login_id", "method", "phone", "recovery_code"], ["a1", "l1", "SMS", "090-1234-5678", "abcd-efgh"]] },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.key])).toEqual([
      ["accounts", 2, "plan", "GOLD", "badValue"],
      ["accounts", 3, "account_id", "a1", "duplicateKey"],
      ["two_step", 1, "recovery_code", undefined, "secretColumn"],
      ["パートナー", 2, "アカウントID", "a2", "unknownAccount"],
      ["パートナー", 3, "リンク送信日", "2026年13月1日", "badDate"],
    ]);
    expect(JSON.stringify(result)).not.toContain("abcd-efgh");
  });

  it("keeps only the last 4 digits of a phone, and takes 2SV methods with their devices from the 2SV sheet", () => {
    const result = workbookToSnapshot([
      { name: "logins", cells: [["store_name", "role", "login_status", "email", "two_step"], ["Sakura", "PRIMARY", "ACTIVE", "a@b.example", "SMS:1111"]] },
      { name: "devices", cells: [["device_id", "device_kind", "holder_id"], ["d1", "電話", "a@b.example"]] },
      { name: "2段階認証", cells: [["アカウントID", "Eメール", "方法", "電話番号", "デバイスID"], ["Sakura", "A@B.example", "テキストメッセージ", "+81 90-1234-5678", "d1"], ["Sakura", "a@b.example", "認証アプリ", "", ""]] },
    ]);
    const parsed = parseSnapshot(result.ok ? result.snapshot : null);
    expect(parsed.ok && parsed.snapshot.accounts[0].logins[0].twoStep).toEqual([
      { kind: "SMS", role: "PRIMARY", deviceId: "d1", phoneLast4: "5678" },
      { kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: null, phoneLast4: null },
    ]);
    expect(JSON.stringify(result.ok && result.snapshot)).not.toContain("1234-5678");
  });

  it("imports its own templates as they are, in both languages, to the same records", async () => {
    const { workbookTemplate } = await import("./template");
    const read = async (lang: "ja" | "en") => {
      const result = await readBulkFiles([{ name: `template-${lang}.xlsx`, bytes: await workbookXlsx(workbookTemplate(lang)) }]);
      const parsed = parseSnapshot(result.ok ? result.snapshot : null);
      expect(parsed.ok).toBe(true);
      return parsed.ok ? parsed.snapshot.accounts.map((a) => [a.id, a.logins.map((l) => [l.id, l.twoStep, l.permissions]), a.partners.length, a.apps, a.otherAccess]) : null;
    };
    expect(await read("ja")).toEqual(await read("en"));
  });

  it("reads a partners CSV saved by Japanese Excel (Shift_JIS, no BOM) beside a UTF-8 logins CSV with a BOM", async () => {
    const logins = encodeCsv([["アカウントID", "ストア名", "ユーザーの種類", "ログインの状態", "Eメール"], ["acc-1", "さくら茶", "プライマリーユーザー", "有効", "owner@sakura.example"]]);
    const partners = encodeCsv([["アカウントID", "会社", "リンク送信日", "承諾日"], ["acc-1", "ブルー代理店", "2026年4月1日", "2026/04/02"]]);
    const read = await readBulkFiles([
      { name: "logins.csv", bytes: new TextEncoder().encode(`\uFEFF${logins}`) },
      { name: "partners.csv", bytes: encodeShiftJis(partners) },
    ]);
    const parsed = parseSnapshot(read.ok ? read.snapshot : null);
    expect(parsed.ok && parsed.snapshot.accounts[0].partners).toEqual([{ id: "ブルー代理店", company: "ブルー代理店", linkSentAt: "2026-04-01", acceptedAt: "2026-04-02" }]);
  });

  it("writes cells that start with = + - @ as text in the .xlsx, and reads them back as they were", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const snapshot = structuredClone(demo.snapshot);
    snapshot.accounts[0].storeName = "=HYPERLINK(\"http://evil.example\",\"x\")";
    snapshot.people[0].name = "@SUM(1+1)";
    const bytes = await workbookXlsx(snapshotToWorkbook(snapshot, "en"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = book.getWorksheet("accounts")!.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(snapshot.accounts[0].storeName);
    const read = await readBulkFiles([{ name: "x.xlsx", bytes }]);
    const parsed = parseSnapshot(read.ok ? read.snapshot : null);
    expect(parsed.ok && [parsed.snapshot.accounts[0].storeName, parsed.snapshot.people.find((p) => p.id === snapshot.people[0].id)?.name]).toEqual([snapshot.accounts[0].storeName, "@SUM(1+1)"]);
  });

  it("refuses, unread, a workbook that would unpack past the limit (a ZIP bomb), and reads its size from the ZIP directory", async () => {
    const { workbookSheets } = await import("./read-xlsx");
    const { zipExpandedBytes } = await import("./zip-size");
    const bytes = await workbookXlsx(snapshotToWorkbook(demo.snapshot, "ja"));
    const expanded = zipExpandedBytes(bytes)!;
    expect(expanded).toBeGreaterThan(bytes.length);
    expect(await workbookSheets(bytes, expanded - 1)).toEqual({ ok: false, problems: [{ row: 0, column: null, key: "xlsxTooLarge", vars: { mb: 0 } }] });
    expect((await workbookSheets(bytes, expanded)).ok).toBe(true);
    expect(zipExpandedBytes(new TextEncoder().encode("not a zip"))).toBeNull();
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
