#!/usr/bin/env -S node --max-semi-space-size=64
// A 64 MB young generation: an audit keeps every finding until it prints them (docs/decisions/009).
// Plain ESM so `npx gatehouse` works straight after `npm ci`: tsx loads the TypeScript sources, no build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
// exitCode (not process.exit) lets a large report finish flushing to a pipe.
process.exitCode = await main(process.argv.slice(2));
