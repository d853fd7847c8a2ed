import { describe, expect, it } from "vitest";
import { nameOnConnection, namedOwnerStatement, ownerStatementName, preparedStatementsWanted, statementName } from "./prepared-statements";

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

  it("is the text's, and past the maximum the least recently used name is closed first", () => {
    const connection = empty();
    const run = (text: string) => {
      const named = nameOnConnection(connection, text, 2);
      if (named.evict) delete connection.parsedStatements[named.evict];
      connection.parsedStatements[named.name] = text;
      return named;
    };
    expect(run("SELECT 1")).toEqual({ name: statementName("SELECT 1") });
    expect(run("SELECT 2")).toEqual({ name: statementName("SELECT 2") });
    expect(run("SELECT 1")).toEqual({ name: statementName("SELECT 1") }); // now the most recent
    expect(run("SELECT 3")).toEqual({ name: statementName("SELECT 3"), evict: statementName("SELECT 2") });
    expect(Object.keys(connection.parsedStatements).sort()).toEqual([statementName("SELECT 1"), statementName("SELECT 3")].sort());
  });

  it("forgets names the connection does not hold (a Parse that failed) before counting", () => {
    const connection = empty();
    nameOnConnection(connection, "SELECT broken", 1); // never marked parsed: its Parse failed
    connection.parsedStatements[statementName("SELECT 1")] = "SELECT 1";
    expect(nameOnConnection(connection, "SELECT 1", 1)).toEqual({ name: statementName("SELECT 1") });
    connection.parsedStatements = {};
    expect(nameOnConnection(connection, "SELECT 2", 1)).toEqual({ name: statementName("SELECT 2") });
  });
});

describe("the owner's pool's named statements", () => {
  it("are only the registered texts", () => {
    const text = namedOwnerStatement("SELECT 'registered' AS r WHERE $1::text IS NOT NULL");
    expect(ownerStatementName(text)).toBe(statementName(text));
    expect(ownerStatementName(`${text} `)).toBeUndefined();
    expect(ownerStatementName("SELECT 1")).toBeUndefined();
  });
});
