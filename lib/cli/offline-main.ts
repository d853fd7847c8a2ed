import { readFileSync } from "node:fs";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { runCli } from "./audit";
import { utcToday } from "../days";

/**
 * Process wiring of the commands that need no database (audit, schema, help): the real file system,
 * streams and clock. Kept apart from main.ts (which also routes `token` to the database) so that
 * bin/gatehouse.mjs can run it compiled, with nothing of Prisma in its module graph.
 */
export function offlineMain(argv: readonly string[]): Promise<number> {
  const settle = argv[0] === "audit" ? heapForAnAudit() : () => {};
  return runCli(argv, {
    // The bytes first, then one decode of the whole Buffer: the flat string JSON.parse reads fastest. On a
    // 181 MB file fs/promises' readFile (chunks decoded into a rope JSON.parse must flatten) and
    // readFileSync(path, "utf8") each took ~0.8–1 s more (decision 030).
    readFile: async (path) => {
      const text = readText(path);
      settle(); // the Buffer is out of scope here, so this collection frees it
      return text;
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    today: () => utcToday(),
  });
}

function readText(path: string): string {
  return readFileSync(path).toString("utf8");
}

/**
 * An audit's heap only grows until the report is written: the parsed file is live to the end, so a full
 * collection during the parse or the check marks every parsed object and frees nothing. On main one such
 * collection ran in most traces (a 50,000-account file: at 431 MB, 431.2 → 431.0 MB, with thousands of
 * incremental marking steps), whether the marking that the read's 190 MB Buffer starts (external memory)
 * dragged on through the parse or finished early and set the next limit (live size × a factor V8 picks,
 * 1.1–4) inside it. So: V8's largest factor, 4 (read each time a limit is set, so it takes effect in this
 * running process, unlike the young generation's size: decision 030, stop 30), and one full collection right
 * after the decode, while the heap holds little more than the file's text (a few ms): it ends the Buffer's
 * marking early and sets the next limit at ~4 × 190 MB, above an audit's whole heap. Returns that collection;
 * a no-op if this Node does not allow it (decision 043). Only where the heap may grow well past an audit's whole
 * heap (a limit of ≥ 2 GB, and no container memory limit below 4 GB): a factor of 4 on a tight host could carry
 * the peak towards the limit. V8 answers a flag it does not know with a line on stderr, not an exception, so
 * the catch covers only a Node that refuses to set flags at all; Node 20's V8 knows both flags.
 */
function heapForAnAudit(): () => void {
  if (!roomToGrow(getHeapStatistics().heap_size_limit, process.constrainedMemory?.())) return () => {};
  try {
    setFlagsFromString("--heap-growing-percent=300");
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as unknown;
    setFlagsFromString("--no-expose-gc");
    return typeof collect === "function" ? () => collect() : () => {};
  } catch {
    return () => {};
  }
}

const GB = 1024 ** 3;

/** Whether the heap may grow by V8's largest factor: a limit of ≥ 2 GB, and no container limit under 4 GB. */
export function roomToGrow(heapLimit: number, containerLimit: number | undefined): boolean {
  return heapLimit >= 2 * GB && (!containerLimit || containerLimit >= 4 * GB);
}
