import { readFileSync } from "node:fs";
import { runCli } from "./audit";

/**
 * Process wiring of the commands that need no database (audit, schema, help): the real file system,
 * streams and clock. Kept apart from main.ts (which also routes `token` to the database) so that
 * bin/gatehouse.mjs can run it compiled, with nothing of Prisma in its module graph.
 */
export function offlineMain(argv: readonly string[]): Promise<number> {
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
