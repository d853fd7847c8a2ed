import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LIST_PARAMETERS, ACCOUNT_SEARCH_MAX_LENGTH, accountIdSchema, accountListHref, accountListSearch, encodeCursor, isAccountSearchTooLong, isCursorUnread, isScoreRangeInverted,
  keptParams, parseAccountListPage, parseAccountListQuery, withoutUnreachableClient,
} from "./accounts";

describe("the accounts table's search", () => {
  it("applies a search up to the limit", () => {
    const q = "k".repeat(ACCOUNT_SEARCH_MAX_LENGTH);
    expect(parseAccountListQuery(new URLSearchParams({ q })).q).toBe(q);
    expect(isAccountSearchTooLong(new URLSearchParams({ q }))).toBe(false);
    expect(isAccountSearchTooLong({ q: ` ${q} ` })).toBe(false);
  });

  it("does not apply a longer one, and says it is too long rather than dropping it silently", () => {
    const q = "k".repeat(ACCOUNT_SEARCH_MAX_LENGTH + 1);
    expect(parseAccountListQuery(new URLSearchParams({ q })).q).toBeUndefined();
    expect(isAccountSearchTooLong(new URLSearchParams({ q }))).toBe(true);
    expect(isAccountSearchTooLong({ q: [q, "short"] })).toBe(true);
  });

  it("drops a search or client holding a control character (PostgreSQL refuses a NUL in any parameter)", () => {
    for (const bad of ["\u0000", "a\u0000b", "tab\there", "rtl\u202e"]) {
      expect(parseAccountListQuery(new URLSearchParams({ q: bad })).q).toBeUndefined();
      expect(parseAccountListQuery(new URLSearchParams({ client: bad })).client).toBeUndefined();
    }
    expect(parseAccountListQuery(new URLSearchParams({ q: "ストア 12" })).q).toBe("ストア 12");
  });

  it("has nothing to say without a search", () => {
    expect(isAccountSearchTooLong(new URLSearchParams())).toBe(false);
    expect(isAccountSearchTooLong({})).toBe(false);
  });
});

describe("the accounts table's score range", () => {
  const parse = (params: Record<string, string>) => parseAccountListQuery(new URLSearchParams(params));

  it("notices a minimum above the maximum, and keeps both in the URL as typed", () => {
    const query = parse({ min: "80", max: "20" });
    expect(isScoreRangeInverted(query)).toBe(true);
    expect(accountListSearch(query)).toBe("min=80&max=20");
  });

  it("accepts an equal minimum and maximum, a one-sided range and no range", () => {
    expect(isScoreRangeInverted(parse({ min: "50", max: "50" }))).toBe(false);
    expect(isScoreRangeInverted(parse({ min: "0", max: "100" }))).toBe(false);
    expect(isScoreRangeInverted(parse({ min: "90" }))).toBe(false);
    expect(isScoreRangeInverted(parse({ max: "10" }))).toBe(false);
    expect(isScoreRangeInverted(parse({}))).toBe(false);
  });

  it("has nothing to say about a malformed bound (it falls back to no bound)", () => {
    expect(isScoreRangeInverted(parse({ min: "abc", max: "20" }))).toBe(false);
    expect(isScoreRangeInverted(parse({ min: "80", max: "200" }))).toBe(false);
  });
});

describe("the state a form of the table carries along", () => {
  const parse = (params: Record<string, string>) => parseAccountListQuery(new URLSearchParams(params));

  it("keeps sort, page size, columns, density and filters, except what the form edits", () => {
    const query = parse({ q: "kumo", market: "JP", min: "0", max: "80", sort: "score", dir: "desc", pageSize: "50", cols: "score,plan", density: "compact" });
    expect(keptParams(query, [])).toEqual([
      ["sort", "score"], ["dir", "desc"], ["pageSize", "50"], ["cols", "plan,score"], ["density", "compact"],
      ["q", "kumo"], ["market", "JP"], ["min", "0"], ["max", "80"],
    ]);
    expect(keptParams(query, ["filters", "pageSize"])).toEqual([["sort", "score"], ["dir", "desc"], ["cols", "plan,score"], ["density", "compact"]]);
    expect(keptParams(query, ["cols"]).map(([name]) => name)).toEqual(["sort", "dir", "pageSize", "density", "q", "market", "min", "max"]);
  });

  it("leaves defaults out but always carries the columns, none included", () => {
    expect(keptParams(parse({}), [])).toEqual([["cols", "sellerId,client,plan,status,score,critical,high,passwordAge,lastLogin"]]);
    expect(keptParams(parse({ cols: "none" }), ["filters"])).toEqual([["cols", "none"]]);
  });

  it("submitted back, gives the same state", () => {
    const query = parse({ severity: "critical", rule: "NO_2SV", sort: "risk", cols: "none", density: "compact" });
    expect(parseAccountListQuery(new URLSearchParams(keptParams(query, [])))).toEqual(query);
  });
});

describe("the filters the accounts table did not apply", () => {
  it("keeps valid filters and names none", () => {
    const { query, ignored } = parseAccountListPage({ q: " kumo ", market: "JP", plan: "PROFESSIONAL", status: "ACTIVE", severity: "critical", rule: "NO_2SV", min: "0", max: "100" });
    expect(query).toMatchObject({ q: "kumo", market: "JP", plan: "PROFESSIONAL", status: "ACTIVE", severity: "critical", rule: "NO_2SV", min: 0, max: 100 });
    expect(ignored).toEqual([]);
  });

  it("reads a filter's value in any case (decision 101): the page shows severities in lower case, people type either", () => {
    expect(parseAccountListPage(new URLSearchParams("severity=CRITICAL&status=active&plan=Professional&rule=no_2sv"))).toMatchObject({
      query: { severity: "critical", status: "ACTIVE", plan: "PROFESSIONAL", rule: "NO_2SV" },
      ignored: [],
    });
  });

  it("names a severity that is none, and lists every account as before (no severity kept)", () => {
    const { query, ignored } = parseAccountListPage(new URLSearchParams("severity=URGENT"));
    expect(query.severity).toBeUndefined();
    expect(ignored).toEqual([{ name: "severity", value: "URGENT", reason: { kind: "oneOf", values: ["critical", "high", "medium", "low"] } }]);
  });

  it("names every dropped filter with its reason, and keeps the valid ones beside them", () => {
    const { query, ignored } = parseAccountListPage({
      q: "a\u0000b", client: "c".repeat(65), market: "jp", plan: "pro", status: "open", severity: "high", rule: "NOT_A_RULE", min: "12.5", max: "101",
    });
    expect(query.severity).toBe("high");
    expect(ignored.map((i) => [i.name, i.value, i.reason])).toEqual([
      ["q", "a\uFFFDb", { kind: "controlChar" }],
      ["client", `${"c".repeat(40)}…`, { kind: "tooLong", max: 64 }],
      ["market", "jp", { kind: "marketplace" }],
      ["plan", "pro", { kind: "oneOf", values: ["PROFESSIONAL", "INDIVIDUAL"] }],
      ["status", "open", { kind: "oneOf", values: ["ACTIVE", "SUSPENDED", "DEACTIVATED"] }],
      ["rule", "NOT_A_RULE", { kind: "rule" }],
      ["min", "12.5", { kind: "wholeNumber", min: 0, max: 100 }],
      ["max", "101", { kind: "wholeNumber", min: 0, max: 100 }],
    ]);
  });

  it("does not count a blank field (a submitted form's \"any\") or the view's own state (sort, columns) as a filter", () => {
    expect(parseAccountListPage({ q: "", severity: "", min: " ", sort: "bogus", cols: "nothing", pageSize: "7" }).ignored).toEqual([]);
  });

  it("reads the first of a repeated parameter, as the table does, and names a later one it did not use", () => {
    expect(parseAccountListPage({ severity: ["Urgent", "critical"] }).ignored).toEqual([
      { name: "severity", value: "Urgent", reason: { kind: "oneOf", values: ["critical", "high", "medium", "low"] } },
      { name: "severity", value: "critical", reason: { kind: "repeated" } },
    ]);
    // A blank first value reads as no filter: the later one must not vanish (nor widen a download).
    const blankFirst = parseAccountListPage(new URLSearchParams("severity=&severity=URGENT"));
    expect(blankFirst.query.severity).toBeUndefined();
    expect(blankFirst.ignored).toEqual([{ name: "severity", value: "URGENT", reason: { kind: "repeated" } }]);
    // The same value twice is one filter, applied.
    expect(parseAccountListPage(new URLSearchParams("severity=high&severity=high")).ignored).toEqual([]);
    expect(parseAccountListPage({ q: "k".repeat(ACCOUNT_SEARCH_MAX_LENGTH + 1) }).ignored[0].reason).toEqual({ kind: "tooLong", max: ACCOUNT_SEARCH_MAX_LENGTH });
  });
});

describe("parameters the accounts table does not read", () => {
  it("names a misspelt filter with its value, after the filters it dropped, instead of listing everything silently", () => {
    const { query, ignored } = parseAccountListPage(new URLSearchParams("sev=critical&severity=URGENT"));
    expect(query.severity).toBeUndefined();
    expect(ignored).toEqual([
      { name: "severity", value: "URGENT", reason: { kind: "oneOf", values: ["critical", "high", "medium", "low"] } },
      { name: "sev", value: "critical", reason: { kind: "unknown", near: "severity" } },
    ]);
  });

  it("knows every parameter the table's own links and forms write, the column menu's `col` boxes included", () => {
    const query = parseAccountListQuery(new URLSearchParams("severity=high&sort=score&dir=desc&pageSize=50&cols=client,score&density=compact"));
    const cursor = { direction: "next" as const, keys: [40], id: "a1" };
    expect(parseAccountListPage(new URLSearchParams(accountListSearch(query, { cursor }))).ignored).toEqual([]);
    expect(parseAccountListPage(new URLSearchParams([...keptParams(query, ["cols"]), ["cols", "none"], ["col", "score"], ["col", "client"]])).ignored).toEqual([]);
    expect(ACCOUNT_LIST_PARAMETERS).toEqual(["q", "client", "market", "plan", "status", "severity", "rule", "min", "max", "pageSize", "sort", "dir", "cursor", "cols", "col", "density"]);
  });

  it("names a repeated unknown name once, with its first non-blank value, and one given without a value", () => {
    expect(parseAccountListPage({ sevrity: ["", "critical", "high"], critical: "" }).ignored).toEqual([
      { name: "sevrity", value: "critical", reason: { kind: "unknown", near: "severity" } },
      { name: "critical", value: "", reason: { kind: "unknown" } },
    ]);
  });

  it("shows an unknown name as it shows a value: control characters replaced, cut short", () => {
    const [ignored] = parseAccountListPage(new URLSearchParams(`${encodeURIComponent(`a\u202Eb${"n".repeat(60)}`)}=1`)).ignored;
    expect(ignored.name).toBe(`a\uFFFDb${"n".repeat(37)}…`);
  });

  it("knows the parameters a caller reads beside the table's (the snapshot download's), and only those", () => {
    const raw = new URLSearchParams("view=1&format=xlsx&lang=en&severity=high");
    expect(parseAccountListPage(raw).ignored.map((i) => i.name)).toEqual(["view", "format", "lang"]);
    expect(parseAccountListPage(raw, ["view", "format", "lang"]).ignored).toEqual([]);
  });

  it("applies a choice with spaces around it, as it applies a search", () => {
    const { query, ignored } = parseAccountListPage(new URLSearchParams("severity=critical%20&plan=%20INDIVIDUAL&status=ACTIVE%20&rule=NO_2SV%20"));
    expect(query).toMatchObject({ severity: "critical", plan: "INDIVIDUAL", status: "ACTIVE", rule: "NO_2SV" });
    expect(ignored).toEqual([]);
  });
});

describe("a client filter naming no client the reader can reach (decision 093)", () => {
  it("is dropped from the state and named, after the search and before the other filters the link could not use", () => {
    const page = parseAccountListPage({ q: "a\u0000", client: "c-gone", severity: "URGENT", sev: "x", sort: "score" });
    const dropped = withoutUnreachableClient(page);
    expect(dropped.query).toEqual({ ...page.query, client: undefined });
    expect(dropped.ignored.map((i) => [i.name, i.reason.kind])).toEqual([["q", "controlChar"], ["client", "noSuchClient"], ["severity", "oneOf"], ["sev", "unknown"]]);
    expect(dropped.ignored[1]).toEqual({ name: "client", value: "c-gone", reason: { kind: "noSuchClient" } });
    // The page's links then carry no client: its download is the list it shows, never refused for the client.
    expect(accountListHref(dropped.query)).toBe("/accounts?sort=score");
  });

  it("shows the id as any value from the link is shown, and leaves a state without a client as it is", () => {
    const long = withoutUnreachableClient(parseAccountListPage({ client: "x".repeat(60) }));
    expect(long.ignored).toEqual([{ name: "client", value: `${"x".repeat(40)}…`, reason: { kind: "noSuchClient" } }]);
    const none = parseAccountListPage({ severity: "high" });
    expect(withoutUnreachableClient(none)).toEqual(none);
  });

  it("drops the link's page position with it: the position was in the client's list, not in the whole one (review 45)", () => {
    const cursor = encodeCursor({ direction: "next", keys: ["Kumo"], id: "a-1" });
    const page = parseAccountListPage({ client: "c-gone", cursor });
    expect(page.query.cursor).toBeDefined();
    expect(withoutUnreachableClient(page).query.cursor).toBeUndefined();
  });
});

describe("a page position (cursor) the table could not read", () => {
  it("is noticed for a cursor the table did not write, and not for one it did, a blank one or none", () => {
    const written = encodeCursor({ direction: "next", keys: ["Kumo"], id: "a-1" });
    for (const cursor of ["garbage", "eyJub3QiOiJhIGN1cnNvciJ9", "x".repeat(2001), written.slice(0, -3)])
      expect(isCursorUnread({ cursor }, parseAccountListQuery({ cursor })), cursor.slice(0, 20)).toBe(true);
    expect(isCursorUnread({ cursor: written }, parseAccountListQuery({ cursor: written }))).toBe(false);
    expect(isCursorUnread({ cursor: "" }, parseAccountListQuery({ cursor: "" }))).toBe(false);
    expect(isCursorUnread({}, parseAccountListQuery({}))).toBe(false);
    // The first of a repeated one is the one read, as for every parameter.
    const params = new URLSearchParams([["cursor", "garbage"], ["cursor", written]]);
    expect(isCursorUnread(params, parseAccountListQuery(params))).toBe(true);
  });

  it("is not a filter: the table names nothing for it", () => {
    expect(parseAccountListPage({ cursor: "garbage" }).ignored).toEqual([]);
  });
});

describe("the download links the accounts page builds", () => {
  const FILTERS = ["q", "client", "market", "plan", "status", "severity", "rule", "min", "max"] as const;
  // Values near each filter's edges, and any text (control characters and the limits included).
  const near = fc.constantFrom("critical", "CRITICAL", "JP", " jp ", "PROFESSIONAL", "ACTIVE", "NO_2SV", "none", "0", "-0", " 5 ", "1e2", "0x10", "12.5", "101", "c".repeat(64), "c".repeat(65), "k".repeat(201), "\u0000", "a\u202Eb", "\u3000");
  const text = fc.string({ unit: fc.constantFrom("a", "Z", "1", " ", "\n", "\u0000", "\u202E", "漢", "%", "&", "="), maxLength: 70 });
  const link = fc.record(Object.fromEntries(FILTERS.map((k) => [k, fc.option(fc.oneof(near, text, fc.string({ unit: "grapheme" })), { nil: undefined })])) as Record<(typeof FILTERS)[number], fc.Arbitrary<string | undefined>>);

  it("carry only the filters the page applied, so a download from the page is never refused and filters the same", () => {
    fc.assert(
      fc.property(link, (raw) => {
        const { query } = parseAccountListPage(raw);
        // The page's links: `/api/accounts/export?${search}` and `/api/snapshot?view=1&${search}`.
        const search = accountListSearch(query, { cursor: undefined });
        expect(parseAccountListPage(new URLSearchParams(search)).ignored).toEqual([]);
        // The snapshot download reads `view`, `format` and `lang` itself (app/api/snapshot/route.ts).
        const again = parseAccountListPage(new URLSearchParams(`view=1&format=xlsx&lang=en&${search}`), ["view", "format", "lang"]);
        expect(again.ignored).toEqual([]);
        // As the link writes them (a minimum of -0 is written 0).
        for (const k of FILTERS) expect(String(again.query[k]), k).toBe(String(query[k]));
      }),
      { numRuns: 500 },
    );
  });
});

describe("an account id from a path", () => {
  it("is refused when it holds a control character, so the page and its editors answer 404, not 500", () => {
    expect(accountIdSchema.safeParse("o1-acc-5499").success).toBe(true);
    for (const bad of ["\u0000<not an id>", "acc\n1", "", "a".repeat(65)]) expect(accountIdSchema.safeParse(bad).success).toBe(false);
  });
});
