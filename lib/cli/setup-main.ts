import { createInterface } from "node:readline";
import { runSetup } from "./setup";

/** Process wiring for `gatehouse setup` (loaded by bin/gatehouse.mjs under the react-server condition: it opens the database). */
export function main(argv: readonly string[]): Promise<number> {
  return runSetup(argv, {
    env: process.env,
    readLine: () =>
      new Promise((resolveLine) => {
        if (process.stdin.isTTY) process.stderr.write("Owner password: ");
        const rl = createInterface({ input: process.stdin, terminal: false });
        let answered = false;
        rl.once("line", (line) => {
          answered = true;
          rl.close();
          resolveLine(line);
        });
        rl.once("close", () => {
          if (!answered) resolveLine(null);
        });
      }),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  });
}
