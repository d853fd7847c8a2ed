import { readFile } from "node:fs/promises";
import { runCli } from "./audit";

/** Process wiring for bin/gatehouse.mjs: the real file system, streams and clock. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCli(argv, {
    readFile: (path) => readFile(path, "utf8"),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    today: () => new Date().toISOString().slice(0, 10),
  });
}
