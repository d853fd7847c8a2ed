import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { firstInvisibleCharacter, INVISIBLE_SQL_CLASS, withoutInvisibleCharacters } from "@/lib/validation/invisible-characters";

// Review 45b, L4 (decision 104): the person same-name look-up strips stored names with INVISIBLE_SQL_CLASS in
// PostgreSQL, the keys strip them in JS (withoutInvisibleCharacters). The unit test reads the bracket's text in JS; this
// asks PostgreSQL which code points it matches, over all of Unicode (surrogates and NUL, which text cannot hold, aside).

const codeOf = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

describe("the SQL bracket of invisible characters, read by PostgreSQL", () => {
  it("matches exactly the code points the same-name keys fold out, and the names' rule refuses each of them between Latin letters", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    let inSql: number[];
    try {
      const { rows } = await client.query<{ c: number }>(
        "SELECT c FROM generate_series(1, 1114111) c WHERE c NOT BETWEEN 55296 AND 57343 AND chr(c) ~ $1 ORDER BY c",
        [INVISIBLE_SQL_CLASS],
      );
      inSql = rows.map((r) => r.c);
    } finally {
      await client.end();
    }
    const inJs: number[] = [];
    for (let c = 1; c <= 0x10ffff; c++) if ((c < 0xd800 || c > 0xdfff) && withoutInvisibleCharacters(String.fromCodePoint(c)) === "") inJs.push(c);
    expect(inSql.map(codeOf)).toEqual(inJs.map(codeOf));
    // What the keys fold out, a name refuses outside a joining script's word (decision 104 keeps U+200C/U+200D there).
    expect(inJs.filter((c) => firstInvisibleCharacter(`a${String.fromCodePoint(c)}a`) === null).map(codeOf)).toEqual([]);
    expect(inJs.length).toBeGreaterThan(100);
  });
});
