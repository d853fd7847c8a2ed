import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLoginsCsv } from "@/tests/support/logins-file";
import { csvRows } from "./stream-rows";

// close(): the digest pass of a large import stops at the first account that differs (decision 032), and
// the rest of the file must then not be read.

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stream-rows-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a CSV read as a stream", () => {
  it("stops reading the file when closed", async () => {
    const path = join(dir, "logins.csv");
    await writeLoginsCsv(path, 50_000); // ~8 MB: many 256 kB chunks
    const source = await csvRows(path);
    const rows = source.rows[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) expect((await rows.next()).done).toBe(false);
    source.close();
    const atClose = source.bytesRead();
    // No more rows after close (the parser is destroyed: the iteration ends, or fails as aborted), and no more bytes.
    const next = await rows.next().catch(() => ({ done: true }));
    expect(next.done).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.bytesRead()).toBe(atClose);
    expect(atClose).toBeLessThan(source.totalBytes / 4);
  });

  it("reads every row when not closed", async () => {
    const path = join(dir, "small.csv");
    await writeLoginsCsv(path, 100);
    const source = await csvRows(path);
    let rows = 0;
    for await (const _ of source.rows) rows++;
    expect({ rows, bytes: source.bytesRead() }).toEqual({ rows: 101, bytes: source.totalBytes });
  });
});
