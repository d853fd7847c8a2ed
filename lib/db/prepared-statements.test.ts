import { describe, expect, it } from "vitest";
import { nameOnConnection, preparedStatementsWanted, statementName } from "./prepared-statements";

describe("whether scoped work uses named statements", () => {
  it("does on a direct connection: no DATABASE_DIRECT_URL, or the same URL as DATABASE_URL", () => {
    expect(preparedStatementsWanted({ DATABASE_URL: "postgresql://db/app" })).toBe(true);
    expect(preparedStatementsWanted({})).toBe(true);
    expect(preparedStatementsWanted({ DATABASE_URL: "postgresql://db/app", DATABASE_DIRECT_URL: "postgresql://db/app" })).toBe(true);
  });

  it("does not behind a pooler (the README's PgBouncer set-up: DATABASE_DIRECT_URL elsewhere)", () => {
    expect(preparedStatementsWanted({ DATABASE_URL: "postgresql://bouncer:6432/app", DATABASE_DIRECT_URL: "postgresql://db:5432/app" })).toBe(false);
  });

  it("GATEHOUSE_PREPARED_STATEMENTS decides when set", () => {
    expect(preparedStatementsWanted({ DATABASE_URL: "postgresql://bouncer/app", DATABASE_DIRECT_URL: "postgresql://db/app", GATEHOUSE_PREPARED_STATEMENTS: "on" })).toBe(true);
    expect(preparedStatementsWanted({ DATABASE_URL: "postgresql://db/app", GATEHOUSE_PREPARED_STATEMENTS: "off" })).toBe(false);
  });
});

describe("a statement's name on a connection", () => {
  const empty = () => ({ parsedStatements: {} as Record<string, string>, submittedNamedStatements: {} as Record<string, string> });

  it("is the same for the same text and differs for another, within PostgreSQL's 63 characters", () => {
    expect(statementName("SELECT 1")).toBe(statementName("SELECT 1"));
    expect(statementName("SELECT 1")).not.toBe(statementName("SELECT 2"));
    expect(statementName("SELECT 1").length).toBeLessThanOrEqual(63);
  });

  it("is given while the connection has room, and kept for a text it already holds when it has none", () => {
    const connection = empty();
    expect(nameOnConnection(connection, "SELECT 1", 2)).toBe(statementName("SELECT 1"));
    connection.parsedStatements[statementName("SELECT 1")] = "SELECT 1";
    connection.submittedNamedStatements[statementName("SELECT 2")] = "SELECT 2";
    expect(nameOnConnection(connection, "SELECT 3", 2)).toBeUndefined();
    expect(nameOnConnection(connection, "SELECT 1", 2)).toBe(statementName("SELECT 1"));
    expect(nameOnConnection(connection, "SELECT 2", 2)).toBe(statementName("SELECT 2"));
  });
});
