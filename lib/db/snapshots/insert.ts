import "server-only";
import type { Tx } from "../client";

// Set-based inserts for the upsert: one INSERT … SELECT FROM unnest(column arrays) per table and chunk.
// Prisma's createMany took 15 s and most of a 1.6 GB peak for 500 generated accounts (8k rows of
// children) inside the upsert's transaction; column arrays are what bulk-load.ts measured as flat.

const CHUNK = 5_000;

export interface Column<T> {
  name: string;
  /** How the value travels: text, boolean, or text cast on the way in (an enum, a timestamp). */
  type: "text" | "boolean" | "timestamptz" | "textList" | { enum: string };
  value: (row: T) => string | boolean | string[] | Date | null;
}

const param = (type: Column<unknown>["type"]) => (type === "boolean" ? "boolean[]" : "text[]");
const select = (type: Column<unknown>["type"], v: string) =>
  type === "timestamptz" ? `${v}::timestamptz`
  : type === "textList" ? `CASE WHEN ${v} = '' THEN '{}'::text[] ELSE string_to_array(${v}, ',') END`
  : typeof type === "object" ? `${v}::"${type.enum}"`
  : v;
const encode = (type: Column<unknown>["type"], value: ReturnType<Column<unknown>["value"]>) =>
  value instanceof Date ? value.toISOString() : type === "textList" ? (value as string[]).join(",") : value;

/** Inserts `rows` into `table`; `now` names columns set to now() (Prisma's @updatedAt has no database default). */
export async function insertRows<T>(tx: Tx, table: string, columns: Column<T>[], rows: T[], now: string[] = []): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((c) => chunk.map((row) => encode(c.type, c.value(row))));
    const names = [...columns.map((c) => `"${c.name}"`), ...now.map((n) => `"${n}"`)].join(", ");
    const values = [...columns.map((c, i) => select(c.type, `t.c${i}`)), ...now.map(() => "now()")].join(", ");
    const unnest = columns.map((c, i) => `$${i + 1}::${param(c.type)}`).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${unnest}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`, ...params);
  }
}

const DATA_SOURCE = { enum: "DataSource" } as const;

/** The columns every captured fact carries: tenant, provenance. */
export function provenance<T extends { orgId: string; source: string; verifiedById: string | null }>(): Column<T>[] {
  return [
    { name: "orgId", type: "text", value: (r) => r.orgId },
    { name: "source", type: DATA_SOURCE, value: (r) => r.source },
    { name: "verifiedById", type: "text", value: (r) => r.verifiedById },
  ];
}
