import "server-only";
import { getHeapStatistics } from "node:v8";
import { runBulkImport } from "./import";
import type { ChildMessage, ChildRequest } from "./isolated";

// The import's own process (isolated.ts starts it through bin/import-child.mjs): one request in, progress
// and one result or failure out over the IPC channel, then exit. Parsing progress is thinned to ten a
// second here, so the channel carries a few hundred messages for a 500,000-row file, not one per row batch.

const PARSING_EVERY_MS = 100;

export async function runImportChild(request: Promise<ChildRequest>): Promise<void> {
  const send = (message: ChildMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send) return resolve();
      process.send(message, undefined, undefined, () => resolve());
    });
  void send({ type: "started", pid: process.pid, heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) });
  const { scope, options } = await request;
  let lastParsing = 0;
  try {
    const result = await runBulkImport(scope, {
      ...options,
      onConnection: (pid) => void send({ type: "connection", pid }),
      onProgress: (progress) => {
        if (progress.phase === "parsing") {
          const now = Date.now();
          if (now - lastParsing < PARSING_EVERY_MS) return;
          lastParsing = now;
        }
        void send({ type: "progress", progress });
      },
    });
    await send({ type: "result", result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    await send({ type: "failed", error: { name: e.name, message: e.message, code: typeof code === "string" ? code : undefined } });
  }
}
