import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runCli } from "./audit";

/**
 * Process wiring of the commands that need no database (audit, schema, help): the real file system,
 * streams and clock. Kept apart from main.ts (which also routes `token` to the database) so that
 * bin/gatehouse.mjs can run it compiled, with nothing of Prisma in its module graph.
 */
export function offlineMain(argv: readonly string[]): Promise<number> {
  if (argv[0] === "audit") letTheHeapGrow();
  return runCli(argv, {
    // The bytes first, then one decode of the whole Buffer: the flat string JSON.parse reads fastest. On a
    // 181 MB file fs/promises' readFile (chunks decoded into a rope JSON.parse must flatten) and
    // readFileSync(path, "utf8") each took ~0.8–1 s more (decision 030).
    readFile: async (path) => readFileSync(path).toString("utf8"),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    today: () => new Date().toISOString().slice(0, 10),
  });
}

/**
 * An audit's heap only grows until the report is written: the parsed file is live to the end. After each full
 * collection V8 sets the next limit at the live size times a factor it picks (1.1 to 4); at the default, a
 * 50,000-account file (190 MB) reached that limit again before the check, and V8 marked the whole 430 MB of
 * parsed objects once more, freeing nothing (~0.3 s on the main thread plus the concurrent marking threads).
 * Factor 4, V8's own largest, read each time a limit is set, so it takes effect in this running process (the
 * young generation's size, by contrast, is fixed at start-up: decision 030, stop 30); peak memory stays the
 * live data's, as an audit makes little garbage outside the young generation (decision 043).
 */
function letTheHeapGrow(): void {
  setFlagsFromString("--heap-growing-percent=300");
}
