import { defineConfig } from "prisma/config";

// The URL is read from the environment only when a CLI command needs it; `generate` needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
