import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listClients } from "@/lib/db/members";
import { isOrgAdmin } from "@/lib/db/scope";
import type { BulkProgress } from "@/lib/db/bulk-import/import";
import { runIsolatedImport } from "@/lib/db/bulk-import/isolated";
import { describeRowProblem, describeSheetProblem } from "@/lib/i18n/sheet-problems";
import { getLocale, getT } from "@/lib/i18n/server";
import { routeScope } from "@/lib/routes/route-scope";
import { maxLargeImportBytes } from "@/lib/spreadsheets/upload-limit";
import { largeKeepApartSchema } from "@/lib/validation/import";

// The large-file import (decision 023): the request body is the file itself, streamed to a temporary
// file (its size checked from Content-Length and again while streaming), then read, previewed
// (dryRun=1) or applied, with the answer streamed back as NDJSON lines: {progress} lines as the rows
// are read and applied, then one {result} line. Owners and admins only. The import itself runs in a
// child process with a capped heap (lib/db/bulk-import/isolated.ts, decision 031 stop 29); a client that
// goes away (closed tab, aborted fetch) kills it, and its one transaction with it.

const query = z.object({
  name: z.string().min(1).max(255).regex(/\.(csv|tsv|txt|xlsx)$/i),
  dryRun: z.enum(["0", "1"]),
  clientId: z.string().max(64).optional(),
  keepApart: largeKeepApartSchema,
});

const tooLarge = (max: number) => Response.json({ error: "TOO_LARGE", maxBytes: max }, { status: 413 });

export async function POST(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  if (!isOrgAdmin(scope)) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  const search = new URL(request.url).searchParams;
  const params = query.safeParse({ ...Object.fromEntries(search), keepApart: search.getAll("keepApart") });
  if (!params.success || !request.body) return Response.json({ error: "INVALID_INPUT" }, { status: 400 });
  const max = maxLargeImportBytes();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > max) return tooLarge(max);
  const { name, dryRun, clientId: rawClientId, keepApart } = params.data;
  const client = rawClientId ? (await listClients(scope)).find((c) => c.id === rawClientId) : null;
  if (client === undefined) return Response.json({ error: "INVALID_INPUT" }, { status: 400 });

  const dir = await mkdtemp(join(tmpdir(), "gatehouse-import-"));
  const path = join(dir, `${randomUUID()}${name.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv"}`);
  try {
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > max ? new RangeError("too large") : null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), limit, createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof RangeError) return tooLarge(max);
    throw error;
  }

  const t = await getT();
  const locale = await getLocale();
  const encoder = new TextEncoder();
  const cancel = new AbortController();
  request.signal.addEventListener("abort", () => cancel.abort(), { once: true });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => {
        if (cancel.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
        } catch {
          cancel.abort(); // the stream was closed under us: nobody is reading any more
        }
      };
      let last = 0;
      const progress = (p: BulkProgress) => {
        const now = Date.now();
        if (now - last < 200 && p.phase === "parsing") return; // enough for a progress bar
        last = now;
        send({ progress: p });
      };
      try {
        const result = await runIsolatedImport(scope, { path, kind: path.endsWith(".xlsx") ? "xlsx" : "csv", dryRun: dryRun === "1", clientId: client ? client.id : undefined, keepApart, onProgress: progress, signal: cancel.signal });
        if (!result.ok && "problems" in result) {
          const problems = result.problems.map((p) => ("sheet" in p ? describeSheetProblem(p.sheet, t, locale) : describeRowProblem(p, t)));
          send({ result: { ok: false, problems, problemCount: result.problemCount } });
        } else if (!result.ok) {
          send({ result: { ok: false, problems: result.errors.map(({ row, column, ...error }) => describeRowProblem({ row, column, error }, t)), problemCount: result.errors.length } });
        } else {
          if (result.written) revalidatePath("/", "layout");
          send({ result: { ok: true, dryRun: result.dryRun, written: result.written, rows: result.rows, summary: result.plan.summary, matches: result.plan.matches } });
        }
      } catch (error) {
        // Nothing was written (one transaction); the page offers to try again.
        if (cancel.signal.aborted) console.error("gatehouse: large import cancelled (the client went away); nothing was written");
        else console.error(`gatehouse: large import failed: ${(error as Error).message}`);
        send({ result: { ok: false, failed: true } });
      } finally {
        await rm(dir, { recursive: true, force: true });
        try {
          controller.close();
        } catch {
          // already cancelled by the client
        }
      }
    },
    cancel() {
      cancel.abort();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
