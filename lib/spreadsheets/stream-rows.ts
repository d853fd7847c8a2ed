import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import type { TextEncoding } from "./decode";
import { cellText } from "./read-xlsx";

// A spreadsheet file read row by row from disk, never whole: the large-file path of the import
// (lib/spreadsheets/stream-logins.ts). Rows come out as the whole-file readers give them (read-csv.ts,
// read-xlsx.ts: the same csv-parse options, the same cell text), so a row has the same number and the
// same cells whichever path read it. `bytesRead` / `totalBytes` drive the progress bar while parsing.

export interface RowSource {
  rows: AsyncIterable<string[]>;
  totalBytes: number;
  bytesRead: () => number;
  encoding: () => TextEncoding | "xlsx";
  /** Stops reading and lets the file go: the digest pass (lib/db/bulk-import/stored-digest.ts) stops at the first differing account. */
  close: () => void;
}

/** UTF-8 unless the first bytes say otherwise (a BOM) or are not UTF-8 (Japanese Excel's Shift_JIS). */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  // A multi-byte character may be cut at the end of the sample: only what precedes the last 3 bytes decides.
  const sample = head.length > 4 ? head.subarray(0, head.length - 3) : head;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return { encoding: "utf-8", skip: 0 };
  } catch {
    return { encoding: "shift_jis", skip: 0 };
  }
}

/** Bytes → text in the sniffed encoding, chunk by chunk (a character cut between chunks is kept for the next). */
function decoder(onBytes: (n: number) => void, onEncoding: (e: TextEncoding) => void): Transform {
  let text: TextDecoder | null = null;
  let skip = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const SNIFF = 64 * 1024;
  const start = (self: Transform, bytes: Buffer) => {
    const sniffed = sniffEncoding(bytes);
    onEncoding(sniffed.encoding);
    text = new TextDecoder(sniffed.encoding);
    skip = sniffed.skip;
    const rest = bytes.subarray(skip);
    if (rest.length) self.push(text.decode(rest, { stream: true }));
  };
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      if (text) {
        this.push(text.decode(chunk, { stream: true }));
      } else {
        head = Buffer.concat([head!, chunk]);
        if (head.length >= SNIFF) {
          start(this, head);
          head = null;
        }
      }
      done();
    },
    flush(done) {
      if (!text) start(this, head ?? Buffer.alloc(0));
      const tail = text!.decode();
      if (tail) this.push(tail);
      done();
    },
  });
}

/** The first line's delimiter, as read-csv.ts decides it: a tab makes it TSV. */
async function firstLineHasTab(path: string): Promise<boolean> {
  const stream = createReadStream(path, { start: 0, end: 64 * 1024 - 1 });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  const { encoding, skip } = sniffEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(skip));
  return text.split("\n", 1)[0].includes("\t");
}

export async function csvRows(path: string): Promise<RowSource> {
  const totalBytes = (await stat(path)).size;
  let read = 0;
  let encoding: TextEncoding = "utf-8";
  const tab = await firstLineHasTab(path);
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, delimiter: tab ? "\t" : "," });
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  const decode = decoder((n) => (read += n), (e) => (encoding = e));
  const source: Readable = input.pipe(decode).pipe(parser);
  // pipe() passes no destroy along: each stage is destroyed, the file first so nothing more is read.
  const close = () => [input, decode, parser].forEach((s) => s.destroy());
  return { rows: source as AsyncIterable<string[]>, totalBytes, bytesRead: () => read, encoding: () => encoding, close };
}

export async function xlsxRows(path: string): Promise<RowSource> {
  const totalBytes = (await stat(path)).size;
  let read = 0;
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  input.on("data", (c) => (read += (c as Buffer).length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", entries: "emit" });
  async function* rows(): AsyncGenerator<string[]> {
    let first = true;
    for await (const sheet of reader) {
      if (!first) continue; // the first worksheet only, as read-xlsx.ts
      first = false;
      let next = 1;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // Rows the file leaves out are empty rows, as the whole-workbook reader numbers them.
        for (; next < row.number; next++) yield [];
        next = row.number + 1;
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
        yield cells;
      }
    }
  }
  const iterator = rows();
  // The reader pulls from the file stream: with the file destroyed and the generator returned, nothing more is read.
  const close = () => {
    input.destroy();
    void iterator.return(undefined).catch(() => undefined);
  };
  return { rows: iterator, totalBytes, bytesRead: () => read, encoding: () => "xlsx", close };
}
