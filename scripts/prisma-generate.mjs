#!/usr/bin/env node
// `prisma generate` needs no engine, but without PRISMA_SCHEMA_ENGINE_BINARY the CLI tries to download
// one and fails offline; any path stops that.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false" };
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
