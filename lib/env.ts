import { z } from "zod";
import { parseTrustedProxies } from "./auth/trusted-proxies";

// Parsed once at start; a bad value stops the app with a message naming the variable.
const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** The login of signed-in users' queries, when an administrator made that role (decision 011). */
  DATABASE_APP_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** A connection straight to PostgreSQL for migrations (advisory locks), when DATABASE_URL goes through PgBouncer (decision 020). */
  DATABASE_DIRECT_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** A streaming read replica of DATABASE_URL's database (same roles, physical replication): read-only pages read there (lib/db/replica.ts). */
  DATABASE_REPLICA_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** Lone scoped queries as named statements (decision 049); unset: on unless DATABASE_DIRECT_URL names another server (a pooler in front). */
  GATEHOUSE_PREPARED_STATEMENTS: z.enum(["on", "off"]).optional(),
  /** Connections per PostgreSQL pool (the owner's, the scoped role's, the replica's); default 10 (lib/db/pool-size.ts, decision 058). */
  GATEHOUSE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  /** `off`: this process serves the web only and runs no background jobs (a web-only replica). */
  GATEHOUSE_JOBS: z.enum(["on", "off"]).default("on"),
  /** The AES key of server actions (base64); derived from AUTH_SECRET when unset (lib/deploy/action-key.ts). */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
  /** The large import's process: its V8 old-space limit in MB (lib/db/bulk-import/isolated.ts; default 192). */
  GATEHOUSE_IMPORT_HEAP_MB: z.coerce.number().int().min(64, "must be at least 64 (MB)").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  GATEHOUSE_DATA_DIR: z.string().default(".gatehouse"),
  GATEHOUSE_SEED: z.enum(["demo", "none"]).default("demo"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Proxies in front of the app whose X-Forwarded-For is believed (lib/auth/trusted-proxies.ts); unset: none. */
  GATEHOUSE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
