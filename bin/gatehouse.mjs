#!/usr/bin/env node
// Plain ESM so `npx gatehouse` works straight after `npm ci`: tsx loads the TypeScript sources, no build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
// exitCode (not process.exit) lets a large report finish flushing to a pipe.
process.exitCode = await main(process.argv.slice(2));
