#!/usr/bin/env node
// Plain ESM so `npx gatehouse` works straight after `npm ci`: tsx loads the TypeScript sources, no build.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// An audit keeps every finding until it prints them: it runs with a 64 MB young generation (decision 009).
// Set by re-running itself once, because a shebang cannot pass Node flags portably (`env -S` is missing on
// BusyBox/Alpine); a flag the caller chose (command line or NODE_OPTIONS) is kept as it is.
const YOUNG_GENERATION = "--max-semi-space-size=64";
const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--max-semi-space-size"));
if (!chosen) {
  const child = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../lib/cli/main.ts");
// exitCode (not process.exit) lets a large report finish flushing to a pipe.
process.exitCode = await main(process.argv.slice(2));
