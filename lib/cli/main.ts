import { readFile } from "node:fs/promises";
import { runCli } from "./audit";

/** Process wiring for bin/gatehouse.mjs: the real file system, streams and clock. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const stdout = (text: string) => void process.stdout.write(text);
  const stderr = (text: string) => void process.stderr.write(text);
  // `token` needs the database; loaded only then, so `audit` stays free of it.
  if (argv[0] === "token") return (await import("./token")).runTokenCli(argv.slice(1), { stdout, stderr, env: process.env });
  return runCli(argv, {
    readFile: (path) => readFile(path, "utf8"),
    stdout,
    stderr,
    today: () => new Date().toISOString().slice(0, 10),
  });
}
