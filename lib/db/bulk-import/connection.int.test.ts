import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { ImportConnectionLost, openImportConnection } from "./connection";

// A large import's connection ended by the server between two statements (pg_terminate_backend, a
// restart): pg reports the server's reason as an 'error' event while no query runs, and the next query
// fails only with "Client has encountered a connection error and is not queryable". The import must
// show the server's reason instead (the kill test met both orders, and failed on the second).

const db = testDb();
afterAll(() => db.$disconnect());

describe("the import connection", () => {
  it("puts the server's reason on a failure after the server ended the connection between statements", async () => {
    const connection = await openImportConnection();
    try {
      const ended = new Promise((resolve) => connection.client.once("end", resolve));
      await db.$queryRawUnsafe(`SELECT pg_terminate_backend($1)`, connection.pid);
      await ended; // the termination has arrived while no query ran
      const failure = await connection.sql(`SELECT 1`, []).then(() => null, (e: unknown) => e);
      expect(failure).toBeInstanceOf(ImportConnectionLost);
      expect((failure as ImportConnectionLost).message).toMatch(/terminating connection due to administrator command/);
      expect((failure as ImportConnectionLost).code).toBe("57P01");
      // What pg itself said is kept as the cause.
      expect(String((failure as Error).cause)).toMatch(/not queryable/);
      // Any later failure of the dead connection too.
      const raw = await connection.client.query(`SELECT 1`).then(() => null, (e: unknown) => e);
      expect(connection.explain(raw)).toBeInstanceOf(ImportConnectionLost);
    } finally {
      await connection.client.end().catch(() => undefined);
    }
  });

  it("leaves a failure as the server worded it when the server ends the connection during a statement", async () => {
    const connection = await openImportConnection();
    try {
      const running = connection.sql(`SELECT pg_sleep(60)`, []).then(() => null, (e: unknown) => e);
      // Terminated once the statement is seen running on the connection's backend.
      for (let seen = false; !seen; ) {
        const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%pg_sleep%' AND state = 'active'`, connection.pid);
        seen = row.n > 0;
      }
      await db.$queryRawUnsafe(`SELECT pg_terminate_backend($1)`, connection.pid);
      const failure = (await running) as Error & { code?: string };
      expect(failure).not.toBeInstanceOf(ImportConnectionLost);
      expect({ message: failure.message, code: failure.code }).toEqual({ message: "terminating connection due to administrator command", code: "57P01" });
    } finally {
      await connection.client.end().catch(() => undefined);
    }
  });
});
