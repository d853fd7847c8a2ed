import { offlineMain } from "./offline-main";

/** Process wiring for bin/gatehouse.mjs: the real file system, streams and clock. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const stdout = (text: string) => void process.stdout.write(text);
  const stderr = (text: string) => void process.stderr.write(text);
  // `token` needs the database; loaded only then, so `audit` stays free of it. It exits outright once its
  // one line is written: the embedded server's modules reset process.exitCode on their way out.
  if (argv[0] === "token") {
    const code = await (await import("./token")).runTokenCli(argv.slice(1), { stdout, stderr, env: process.env });
    await new Promise((flushed) => process.stdout.write("", flushed));
    process.exit(code);
  }
  return offlineMain(argv);
}
