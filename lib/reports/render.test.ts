import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { RULES } from "@/lib/risk";
import type { Locale } from "@/lib/i18n/locales";
import type { ReportAccount, ReportHead } from "./content";
import { renderReport } from "./render";

const TITLE = new Map(RULES.map((r) => [r.id as string, r.title]));

function head(locale: Locale): ReportHead {
  return {
    kind: "client", title: "さくら茶舗 株式会社", clientName: "さくら茶舗 株式会社", agencyName: "Kaede Commerce Partners",
    producedAt: "2026-12-04T05:06:07.000Z", producedBy: "山田 花子", locale, score: 64, accounts: 2,
    openBySeverity: { critical: 1, high: 1, medium: 1, low: 0 }, accepted: 1,
    trend: Array.from({ length: 90 }, (_, i) => ({ day: new Date(Date.UTC(2026, 8, 6 + i)).toISOString().slice(0, 10), score: 50 + (i % 20) })),
  };
}

function accounts(locale: Locale): ReportAccount[] {
  const rule = (id: string) => TITLE.get(id)![locale];
  return [
    {
      id: "a1", storeName: "さくら茶舗 本店", sellerId: "A1SAKURA", score: 40,
      findings: [
        { ruleId: "NO_2SV", rule: rule("NO_2SV"), severity: "critical", subject: "佐藤 一郎 <ichiro.sato@sakura.example>", evidence: "=HYPERLINK(\"http://x\") evidence", remediation: "Add an authenticator app.", firstSeen: "2026-11-02" },
        { ruleId: "SHARED_2SV_DEVICE", rule: rule("SHARED_2SV_DEVICE"), severity: "high", subject: "共有スマートフォン", evidence: "Two people", remediation: "Give each person a device.", firstSeen: "2026-11-03" },
      ],
      accepted: [{ ruleId: "STALE_INVITE", rule: rule("STALE_INVITE"), severity: "low", subject: "guest@sakura.example", reason: "繁忙期のため", approver: "山田 花子", until: "2027-01-31" }],
      access: [
        { kind: "login", holder: "佐藤 一郎 <ichiro.sato@sakura.example>", level: "ADMIN", detail: "PRIMARY · ACTIVE" },
        { kind: "partner", holder: "Blue Ocean Ads", level: "Advertising", detail: "2026-10-01" },
        { kind: "ADS", holder: "Nomura Jiro", level: "VIEWER", detail: "" },
      ],
    },
    {
      id: "a2", storeName: "Sakura Tea US", sellerId: null, score: 88,
      findings: [{ ruleId: "SMS_ONLY", rule: rule("SMS_ONLY"), severity: "medium", subject: "+81 Hanako", evidence: "SMS only", remediation: "Add an app.", firstSeen: "2026-11-04" }],
      accepted: [],
      access: [{ kind: "app", holder: "RepricerX", level: "Pricing", detail: "→ 2027-02-01" }],
    },
  ];
}

async function* pages(list: ReportAccount[]) {
  yield list.slice(0, 1);
  yield list.slice(1);
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "report-"));
  writeFileSync(join(dir, "r.pdf"), bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "r.pdf"), "-"], { encoding: "utf8" });
}

describe("report PDF", () => {
  for (const locale of ["ja", "en"] as const) {
    it(`in ${locale}: selectable text holds the client's name, the rule titles and every open finding's subject`, async () => {
      const list = accounts(locale);
      const out = await renderReport("PDF", head(locale), pages(list), null);
      expect(out.bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(out.contentType).toBe("application/pdf");
      const text = squeeze(pdfText(out.bytes));
      expect(text).toContain(squeeze("さくら茶舗 株式会社"));
      for (const f of list.flatMap((a) => a.findings)) {
        expect(text).toContain(squeeze(f.subject));
        expect(text).toContain(squeeze(f.rule));
      }
      // The Japanese titles of the rules, whatever the report's language in the Japanese one.
      if (locale === "ja") for (const id of ["NO_2SV", "SHARED_2SV_DEVICE", "SMS_ONLY"]) expect(text).toContain(squeeze(TITLE.get(id)!.ja));
      expect(text).toContain(squeeze(locale === "ja" ? "スコアの推移（90日）" : "Score over 90 days"));
      expect(text).toContain("繁忙期のため");
      expect(text).toContain("BlueOceanAds");
      // The font is embedded (a subset), so the file reads right where no Japanese font is installed.
      expect(execFileSync("pdffonts", ["-"], { input: out.bytes, encoding: "utf8" })).toMatch(/NotoSansJP.*yes\s+yes\s+yes/);
    });
  }
});

describe("report spreadsheets", () => {
  it("the XLSX opens with exceljs and holds exactly the CSV's cells, sheet by sheet", async () => {
    const list = accounts("en");
    const csv = await renderReport("CSV", head("en"), pages(list), null);
    const xlsx = await renderReport("XLSX", head("en"), pages(list), null);
    const rows = parse(csv.bytes.toString("utf8"), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    // Sections: a title row, a header row, the rows, then an empty line.
    const sections: string[][][] = [[]];
    for (const row of rows) {
      if (row.length === 1 && row[0] === "") sections.push([]);
      else sections.at(-1)!.push(row);
    }
    const csvSections = sections.filter((s) => s.length > 0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["summary", "trend", "findings", "accepted", "access", "changes"]);
    expect(book.worksheets).toHaveLength(csvSections.length);
    book.worksheets.forEach((sheet, i) => {
      const sheetRows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
        sheetRows.push(values);
      });
      const trim = (r: string[]) => { const c = [...r]; while (c.length > 1 && c.at(-1) === "") c.pop(); return c; };
      expect(sheetRows.map(trim), sheet.name).toEqual(csvSections[i].map(trim));
    });
    // The formula payload in the evidence is neutralised in both files.
    expect(csv.bytes.toString("utf8")).toContain(`"'=HYPERLINK(""http://x"") evidence"`);
    expect(rows.flat()).toContain("Sakura Tea US");
  });

  it("in Japanese, with the findings most severe first", async () => {
    const csv = await renderReport("CSV", head("ja"), pages(accounts("ja")), null);
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.indexOf("緊急")).toBeLessThan(text.indexOf("中,"));
    expect(text).toContain("未対応の指摘");
  });
});
