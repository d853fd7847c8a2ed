import { createPdf, heading, keyValues, paragraph } from "@/lib/reports/pdf/document";
import { evidenceMetaRows, evidenceTable, type EvidenceMeta, type EvidenceRow } from "./evidence";

// The evidence pack as a PDF: the same rows as the XLSX/CSV (lib/reviews/evidence.ts), laid out with the
// shared pdfkit building block (lib/reports/pdf/document.ts, decision 017: its Japanese font, tables that
// break across pages, footers).

const TEXT = {
  ja: { title: "アクセスレビュー 証跡", footer: (p: number) => `Gatehouse · アクセスレビュー証跡 · ${p} ページ`, none: "対象の項目はありません。" },
  en: { title: "Access review evidence", footer: (p: number) => `Gatehouse · Access review evidence · page ${p}`, none: "No items." },
} as const;

// Fifteen columns do not fit A4 (and wrapped narrow cells read badly), so each item is a short block: its
// kind and subject as a heading, then label/value lines; the client, store and seller ID head each account.
const ITEM_FIELDS = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

export async function evidencePdf(rows: readonly EvidenceRow[], meta: EvidenceMeta, locale: "ja" | "en"): Promise<Uint8Array> {
  const x = TEXT[locale];
  const pdf = createPdf({ title: `${x.title}: ${meta.campaignName}`, author: meta.startedBy, language: locale, footer: x.footer, createdAt: meta.generatedAt });
  const { doc } = pdf;
  heading(doc, `${x.title}: ${meta.campaignName}`, 1);
  keyValues(doc, evidenceMetaRows(meta, locale).map(([k, v]) => [k, v] as const));
  const [header, ...body] = evidenceTable(rows, locale);
  if (body.length === 0) paragraph(doc, x.none, { muted: true });
  // Group by client and store, keeping the order the rows came in.
  const groups = new Map<string, string[][]>();
  for (const row of body) {
    const key = `${row[0]}\u0000${row[1]}\u0000${row[2]}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, items] of groups) {
    const [client, store, seller] = key.split("\u0000");
    heading(doc, [client, store].filter(Boolean).join(" · "), 2);
    if (seller) paragraph(doc, `${header[2]}: ${seller}`, { muted: true, size: 8 });
    for (const r of items) {
      heading(doc, `${r[3]}: ${r[4]}`, 3);
      keyValues(doc, ITEM_FIELDS.filter((i) => r[i] !== "").map((i) => [header[i], r[i]] as const), 130);
    }
  }
  return new Uint8Array((await pdf.finish()).bytes);
}
