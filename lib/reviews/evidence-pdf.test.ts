import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvidenceMeta, EvidenceRow } from "./evidence";
import { evidencePdf } from "./evidence-pdf";

const meta: EvidenceMeta = {
  campaignName: "Kumo 2026 Q4 アクセスレビュー", startedAt: new Date("2026-11-01T00:00:00Z"), completedAt: new Date("2026-11-20T09:00:00Z"),
  dueOn: "2026-11-30", startedBy: "山田 花子", generatedAt: new Date("2026-12-04T05:06:07Z"),
};

const base = { clientName: "さくら茶舗 株式会社", storeName: "さくら茶舗 本店", sellerId: "A1SAKURA", reviewer: "佐藤 一郎", decidedBy: "佐藤 一郎", decidedAt: new Date("2026-11-10T01:02:03Z") };
const rows: EvidenceRow[] = [
  { ...base, kind: "LOGIN", label: "owner@kumo.example", detail: { role: "PRIMARY", status: "ACTIVE", grants: [] }, decision: "KEEP", comment: "本人の主ログイン", task: null },
  {
    ...base, kind: "LOGIN", label: "lead@kumo.example", detail: { role: "SECONDARY", status: "ACTIVE", grants: [] }, decision: "REMOVE", comment: "left the company",
    task: { kind: "REMOVE_LOGIN", subjectLabel: "lead@kumo.example", target: null, status: "SATISFIED", closedAt: new Date("2026-11-12T00:00:00Z"), closeNote: null, url: "https://sellercentral.amazon.co.jp/" },
  },
  { ...base, clientName: "Blue Ocean Trading", storeName: "Blue Ocean US", sellerId: null, kind: "PARTNER", label: "Blue Ocean Ads", detail: {}, reviewer: null, decision: null, comment: null, decidedBy: null, decidedAt: null, task: null },
];

const squeeze = (text: string) => text.replace(/\s+/g, "");

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "evidence-"));
  writeFileSync(join(dir, "e.pdf"), bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "e.pdf"), "-"], { encoding: "utf8" });
}

describe("evidence pack PDF", () => {
  for (const locale of ["ja", "en"] as const) {
    it(`in ${locale}: holds the campaign, each client, each item's subject, decision, reviewer, comment and task outcome`, async () => {
      const bytes = await evidencePdf(rows, meta, locale);
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      const text = squeeze(pdfText(bytes));
      expect(text).toContain(squeeze(meta.campaignName));
      for (const name of ["さくら茶舗 株式会社", "Blue Ocean Trading", "owner@kumo.example", "lead@kumo.example", "Blue Ocean Ads", "佐藤 一郎", "本人の主ログイン", "left the company"])
        expect(text).toContain(squeeze(name));
      const words = locale === "ja" ? ["維持", "削除", "未判断", "完了（データで確認）"] : ["Keep", "Remove", "Notdecided", "Done(datashowsit)"];
      for (const w of words) expect(text).toContain(squeeze(w));
    });
  }

  it("an Ads / Brand Registry access is named by its person and console in words, not by the console's code", async () => {
    const ads: EvidenceRow = { ...base, kind: "OTHER_ACCESS", label: "Vendor (ADS)", detail: { console: "ADS", role: "ADMIN", person: "Vendor" }, decision: "KEEP", comment: null, task: null };
    for (const [locale, words] of [["ja", "Vendor（Amazon広告）"], ["en", "Vendor (Amazon Ads)"]] as const) {
      const text = squeeze(pdfText(await evidencePdf([ads], meta, locale)));
      expect(text).toContain(squeeze(words));
      expect(text).not.toContain("(ADS)");
    }
  });

  it("an empty campaign still makes a readable PDF", async () => {
    const text = pdfText(await evidencePdf([], meta, "en"));
    expect(text).toContain("No items.");
  });
});
