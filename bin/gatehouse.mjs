#!/usr/bin/env node
// Plain ESM so `npx gatehouse` works straight after `npm ci`: tsx loads the TypeScript sources, no build.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

// Commands that open the database load lib/db, whose modules refuse to load outside the server
// ("server-only" resolves to an empty module only under the react-server condition): for those alone the bin
// re-runs itself once with the condition, because a shebang cannot pass Node flags portably (`env -S` is
// missing on BusyBox/Alpine); a condition the caller set (command line or NODE_OPTIONS) is kept as it is.
// An audit runs in this process with Node's default young generation: its 64 MB (decision 009) no longer paid
// for the second Node start it took (decision 030, stop 30).
const REACT_SERVER = "--conditions=react-server";
const DATABASE_COMMANDS = new Set(["setup"]);
const callerFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""];
const needsDatabase = DATABASE_COMMANDS.has(process.argv[2]);
const missing = needsDatabase && !callerFlags.some((arg) => arg.includes("react-server")) ? [REACT_SERVER] : [];
if (missing.length > 0) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

// audit, schema and help need no database: run compiled when possible (bin/compiled-cli.mjs, decision 030),
// through tsx otherwise (and always with GATEHOUSE_CLI_TSX=1).
const offline = !needsDatabase && process.argv[2] !== "token" && process.env.GATEHOUSE_CLI_TSX !== "1";
const compiled = offline ? await (await import("./compiled-cli.mjs")).importCompiled(join(dirname(fileURLToPath(import.meta.url)), ".."), "lib/cli/offline-main.ts", "offline-main") : null;
if (compiled) {
  // exitCode (not process.exit) lets a large report finish flushing to a pipe.
  process.exitCode = await compiled.offlineMain(process.argv.slice(2));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = needsDatabase ? await import("../lib/cli/setup-main.ts") : await import("../lib/cli/main.ts");
  const code = await main(needsDatabase ? process.argv.slice(3) : process.argv.slice(2));
  // The database commands print one line and exit outright: the database driver's modules reset exitCode
  // on the way out.
  if (needsDatabase) process.exit(code);
  process.exitCode = code;
}
