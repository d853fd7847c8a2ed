// A small PDF building block on pdfkit, shared by client reports and other documents (an access
// review's evidence pack): A4 pages with an embedded Japanese font (Noto Sans JP Regular, SIL OFL 1.1;
// pdfkit embeds only the glyphs used; one weight only: a second 5 MB font costs memory, headings use size), headings, paragraphs, key/value lists, tables that break across pages
// and repeat their header, and a line chart. The file streams out as pdfkit writes each page: bytes go
// to a SHA-256 and a list of chunks, so a long document never holds its page objects (decision 017).
import { createHash } from "node:crypto";
import { join } from "node:path";
import PDFDocument from "pdfkit";

/** Read from node_modules at run time (not bundled): Next keeps pdfkit external (next.config.ts). */
export const JAPANESE_FONT_PATH = join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf");

export interface PdfOutput {
  bytes: Buffer;
  sha256: string;
}

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Ends the document; resolves once every byte has been hashed and kept. */
  finish(): Promise<PdfOutput>;
}

const MARGIN = 48;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";

export function createPdf(meta: { title: string; author: string; language: "ja" | "en"; footer?: (page: number) => string; createdAt?: Date }): PdfWriter {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: meta.language,
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Producer: "Gatehouse", Creator: "Gatehouse", CreationDate: meta.createdAt ?? new Date() },
  });
  doc.registerFont("body", JAPANESE_FONT_PATH);
  doc.font("body").fillColor(INK);
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    chunks.push(chunk);
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  let page = 1;
  const footer = () => {
    if (!meta.footer) return;
    // Written at the bottom margin without moving the cursor, so it never pushes a page break.
    const { x, y } = doc;
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // or pdfkit would start a page for text below the margin
    doc.font("body").fontSize(8).fillColor(MUTED).text(meta.footer(page), MARGIN, doc.page.height - MARGIN + 16, { width: contentWidth(doc), align: "center", lineBreak: false });
    doc.page.margins.bottom = margin;
    doc.fillColor(INK).fontSize(10);
    doc.x = x;
    doc.y = y;
  };
  footer();
  doc.on("pageAdded", () => {
    page += 1;
    footer();
  });
  return {
    doc,
    async finish() {
      doc.end();
      await ended;
      return { bytes: Buffer.concat(chunks), sha256: hash.digest("hex") };
    },
  };
}

export const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: PDFKit.PDFDocument, text: string, level: 1 | 2 | 3 = 2): void {
  const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
  ensureSpace(doc, size * 3);
  if (level > 1) doc.moveDown(0.6);
  doc.font("body").fontSize(size).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font("body").fontSize(10).moveDown(0.3);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { muted?: boolean; size?: number } = {}): void {
  doc.font("body").fontSize(options.size ?? 10).fillColor(options.muted ? MUTED : INK);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor(INK);
}

/** Label: value lines, labels in a fixed column. */
export function keyValues(doc: PDFKit.PDFDocument, rows: readonly (readonly [string, string])[], labelWidth = 150): void {
  const left = doc.page.margins.left;
  for (const [label, value] of rows) {
    const width = contentWidth(doc) - labelWidth;
    const height = Math.max(doc.heightOfString(label, { width: labelWidth - 8 }), doc.heightOfString(value || " ", { width }));
    ensureSpace(doc, height + 4);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, left, y, { width: labelWidth - 8 });
    doc.fillColor(INK).text(value || "—", left + labelWidth, y, { width });
    doc.y = y + height + 4;
  }
  doc.x = left;
}

export interface PdfColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
}

/** A table with wrapped cells; a row never splits, and the header repeats on every page it spans. */
export function table(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], rows: Iterable<readonly string[]>, options: { size?: number } = {}): void {
  const size = options.size ?? 8.5;
  const left = doc.page.margins.left;
  const widths = columns.map((c) => c.width * contentWidth(doc));
  const pad = 3;
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: string, height: number, shade: boolean) => {
    const y = doc.y;
    if (shade) doc.rect(left, y, widths.reduce((a, b) => a + b, 0), height).fill("#f1f5f9").fillColor(INK);
    let x = left;
    doc.font(font).fontSize(size).fillColor(INK);
    cells.forEach((cell, i) => {
      doc.text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.moveTo(left, y + height).lineTo(x, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, "body");
  let first = true;
  for (const cells of rows) {
    const height = rowHeight(cells, "body");
    if (first || doc.y + height > bottom(doc)) {
      if (doc.y + headerHeight + height > bottom(doc)) doc.addPage();
      drawRow(headers, "body", headerHeight, true);
      first = false;
    }
    drawRow(cells, "body", height, false);
  }
  doc.font("body").fontSize(10);
  doc.x = left;
  doc.moveDown(0.5);
}

/** A line chart of values from 0 to 100 (scores) over days, with the first and last day under it. */
export function lineChart(doc: PDFKit.PDFDocument, points: readonly { label: string; value: number }[], options: { height?: number; caption?: string } = {}): void {
  const height = options.height ?? 120;
  ensureSpace(doc, height + 30);
  const left = doc.page.margins.left + 24;
  const width = contentWidth(doc) - 24;
  const top = doc.y;
  doc.lineWidth(0.5).strokeColor(RULE);
  for (const v of [0, 50, 100]) {
    const y = top + height - (v / 100) * height;
    doc.moveTo(left, y).lineTo(left + width, y).stroke();
    doc.font("body").fontSize(7).fillColor(MUTED).text(String(v), left - 22, y - 4, { width: 18, align: "right", lineBreak: false });
  }
  if (points.length > 0) {
    const step = points.length > 1 ? width / (points.length - 1) : 0;
    const at = (i: number) => [left + i * step, top + height - (Math.max(0, Math.min(100, points[i].value)) / 100) * height] as const;
    doc.lineWidth(1.5).strokeColor("#1d4ed8");
    const [x0, y0] = at(0);
    doc.moveTo(x0, y0);
    for (let i = 1; i < points.length; i++) doc.lineTo(...at(i));
    if (points.length === 1) doc.circle(x0, y0, 2).fill("#1d4ed8");
    else doc.stroke();
    doc.fontSize(7).fillColor(MUTED);
    doc.text(points[0].label, left, top + height + 4, { width: 80, lineBreak: false });
    doc.text(points[points.length - 1].label, left + width - 80, top + height + 4, { width: 80, align: "right", lineBreak: false });
  }
  doc.fillColor(INK).font("body").fontSize(10);
  doc.x = doc.page.margins.left;
  doc.y = top + height + 18;
  if (options.caption) paragraph(doc, options.caption, { muted: true, size: 8 });
}
