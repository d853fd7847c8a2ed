#!/usr/bin/env node
// Runs the Prisma CLI offline: Prisma 7's CLI needs a native schema engine that cannot be downloaded
// here, so when the shared WebAssembly stand-in is present we point the CLI at it (development and CI
// only — the app itself migrates with lib/db/migrate.ts and never needs this).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const standIn = resolve(import.meta.dirname, "../../shared/tools/prisma-schema-engine.mjs");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(standIn)) env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
const result = spawnSync("npx", ["prisma", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
