import "server-only";
import pg from "pg";
import type { Tx } from "../client";

// The recompute needs one thing from a connection: run a statement, get its rows. Writes pass their
// Prisma transaction; the full recompute, a system job run from a script, uses a plain pg pool instead
// (no Prisma client in memory, no row and parameter conversion through its layers).

export type Sql = <T = Record<string, unknown>>(text: string, params: unknown[]) => Promise<T[]>;

export function sqlOf(tx: Tx | Sql): Sql {
  if (typeof tx === "function") return tx;
  return (text, params) => tx.$queryRawUnsafe(text, ...params);
}

function sqlOfClient(client: pg.ClientBase): Sql {
  return async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[];
}

export interface SqlPool {
  /** One statement outside any transaction. */
  query: Sql;
  /** `fn` inside BEGIN … COMMIT on one connection (ROLLBACK when it throws). */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

export function createSqlPool(connectionString: string, max: number): SqlPool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server drops is reported here; without a listener it would end the process.
  // The next statement on it fails, and that error reaches the caller.
  pool.on("error", () => undefined);
  return {
    query: async <T>(text: string, params: unknown[]) => (await pool.query(text, params)).rows as T[],
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await fn(sqlOfClient(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken); // a connection that could not roll back is closed, not reused
      }
    },
    end: () => pool.end(),
  };
}
