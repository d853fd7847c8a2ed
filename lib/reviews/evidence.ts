import ExcelJS from "exceljs";
import { encodeCsv, neutraliseCell, CSV_BOM } from "@/lib/csv";
import { itemDetailText, itemLabel } from "./item-detail-text";
import { taskInstruction } from "./task-text";
import type { Decision, ItemKind, TaskKind } from "./types";

// The evidence pack of a campaign (optionally one client): every item as it was frozen, the decision,
// who decided and when, the comment, and what became of its task — for owners and auditors, in ja or en.

export interface EvidenceRow {
  clientName: string | null;
  storeName: string;
  sellerId: string | null;
  kind: ItemKind;
  label: string;
  detail: Record<string, unknown>;
  reviewer: string | null;
  decision: Decision | null;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  task: { kind: TaskKind; subjectLabel: string; target: unknown; status: string; closedAt: Date | null; closeNote: string | null; url: string } | null;
}

export interface EvidenceMeta {
  campaignName: string;
  startedAt: Date;
  completedAt: Date | null;
  dueOn: string;
  startedBy: string;
  generatedAt: Date;
  /** The client the pack is filtered to (its file is named after it), if any. */
  clientName?: string | null;
}

const TEXT = {
  ja: {
    header: ["クライアント", "ストア", "出品者ID", "種類", "アクセス", "開始時点の内容", "担当", "判断", "コメント", "判断した人", "判断日時 (UTC)", "タスク", "タスクの状態", "タスク完了日時 (UTC)", "完了メモ"],
    kind: { LOGIN: "ログイン", PARTNER: "認定パートナー", APP: "アプリ認証", OTHER_ACCESS: "広告・ブランド登録" },
    decision: { KEEP: "維持", REDUCE: "縮小", REMOVE: "削除" },
    status: { OPEN: "未完了", SATISFIED: "完了（データで確認）", CLOSED: "完了（手動）" } as Record<string, string>,
    undecided: "未判断",
    meta: ["アクセスレビュー", "開始", "完了", "期限", "開始した人", "作成日時 (UTC)"],
  },
  en: {
    header: ["Client", "Store", "Seller ID", "Kind", "Access", "As at the start", "Reviewer", "Decision", "Comment", "Decided by", "Decided at (UTC)", "Task", "Task status", "Task closed at (UTC)", "Closing note"],
    kind: { LOGIN: "Login", PARTNER: "Authorized Partner", APP: "App authorisation", OTHER_ACCESS: "Ads / Brand Registry" },
    decision: { KEEP: "Keep", REDUCE: "Reduce", REMOVE: "Remove" },
    status: { OPEN: "Open", SATISFIED: "Done (data shows it)", CLOSED: "Done (by hand)" } as Record<string, string>,
    undecided: "Not decided",
    meta: ["Access review", "Started", "Completed", "Due", "Started by", "Generated at (UTC)"],
  },
} as const;

const stamp = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "");

/** The table: a header row, then one row per item. */
export function evidenceTable(rows: readonly EvidenceRow[], locale: "ja" | "en"): string[][] {
  const x = TEXT[locale];
  return [
    [...x.header],
    ...rows.map((r) => {
      const label = itemLabel(r, locale);
      // The item's task names it by the item's stored label (lib/db/reviews/decide.ts): it reads as the item does.
      const subjectLabel = r.task?.subjectLabel === r.label ? label : (r.task?.subjectLabel ?? "");
      return [
        r.clientName ?? "", r.storeName, r.sellerId ?? "", x.kind[r.kind], label, itemDetailText(r.kind, r.detail, locale), r.reviewer ?? "",
        r.decision ? x.decision[r.decision] : x.undecided, r.comment ?? "", r.decidedBy ?? "", stamp(r.decidedAt),
        r.task ? `${taskInstruction({ kind: r.task.kind, subjectLabel, target: r.task.target }, locale)} ${r.task.url}` : "",
        r.task ? (x.status[r.task.status] ?? r.task.status) : "", stamp(r.task?.closedAt ?? null), r.task?.closeNote ?? "",
      ];
    }),
  ];
}

/** The campaign's facts as label/value pairs (the CSV's head, the XLSX's About sheet, the PDF's top). */
export function evidenceMetaRows(meta: EvidenceMeta, locale: "ja" | "en"): string[][] {
  const m = TEXT[locale].meta;
  return [[m[0], meta.campaignName], [m[1], stamp(meta.startedAt)], [m[2], stamp(meta.completedAt)], [m[3], meta.dueOn], [m[4], meta.startedBy], [m[5], stamp(meta.generatedAt)]];
}

/** CSV with a BOM (Excel reads UTF-8 then); every cell neutralised against formula injection (lib/csv.ts). */
export function evidenceCsv(rows: readonly EvidenceRow[], meta: EvidenceMeta, locale: "ja" | "en"): string {
  return CSV_BOM + encodeCsv([...evidenceMetaRows(meta, locale), [], ...evidenceTable(rows, locale)]);
}

/** XLSX: the items sheet and a sheet about the campaign; text cells only, neutralised as the CSV's are. */
export async function evidenceXlsx(rows: readonly EvidenceRow[], meta: EvidenceMeta, locale: "ja" | "en"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const items = workbook.addWorksheet(locale === "ja" ? "判断" : "Decisions");
  for (const row of evidenceTable(rows, locale)) items.addRow(row.map((cell) => neutraliseCell(cell)));
  items.getRow(1).font = { bold: true };
  items.views = [{ state: "frozen", ySplit: 1 }];
  const about = workbook.addWorksheet(locale === "ja" ? "概要" : "About");
  for (const row of evidenceMetaRows(meta, locale)) about.addRow(row.map((cell) => neutraliseCell(cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
