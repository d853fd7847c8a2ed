import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";

/** The run's throwaway database; also exported as DATABASE_URL for lib/db's own getDb(). */
export function testDb(): Db {
  const url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  return createDb(url);
}
