import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { accountListSearch, parseAccountListPage } from "@/lib/validation/accounts";
import { CLIENT_NAME_MAX_LENGTH } from "@/lib/validation/clients";
import { downloadFixture, DOWNLOAD_STORES, expectRefusedDownload } from "@/tests/support/filter-downloads";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";
import { GET } from "./route";

// The snapshot download, through its route handler, against real PostgreSQL: the accounts table's view (`view=1`
// and the table's filters) or one client by name. A filter it cannot apply refuses the download (422, this
// route's answer to bad input) rather than exporting more than was asked. The session and language are the test's.
const request = vi.hoisted(() => ({ scope: null as unknown, locale: "en" }));
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => request.scope, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === LOCALE_COOKIE ? { name, value: request.locale } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));

const db = testDb();
const download = (search: string) => GET(new Request(`http://gatehouse.test/api/snapshot${search ? `?${search}` : ""}`));
const storeNames = async (response: Response) => ((await response.json()) as { accounts: { storeName: string }[] }).accounts.map((a) => a.storeName).sort();
const ALL = DOWNLOAD_STORES;

let clientA: string;

beforeAll(async () => {
  const fixture = await downloadFixture(db);
  clientA = fixture.clientA;
  request.scope = await scopeFor(fixture.userId);
});
afterAll(() => db.$disconnect());


describe("the accounts table's view as a snapshot download", () => {
  it("exports the view's accounts as before for valid filters, and every account without one", async () => {
    const critical = await download("view=1&severity=critical");
    expect(critical.status).toBe(200);
    expect(await storeNames(critical)).toEqual(["Alpha", "Charlie"]);
    expect(await storeNames(await download("view=1"))).toEqual(ALL);
    expect(await storeNames(await download("view=1&severity=&q="))).toEqual(ALL);
    // A blank client is the table's "any" client, as in the CSV export (a client name's check does not apply).
    expect(await storeNames(await download("view=1&client="))).toEqual(ALL);
    const repeated = await download("view=1&severity=&severity=URGENT");
    expect(repeated.status).toBe(422);
    expect(((await repeated.json()) as { filters: { value: string }[] }).filters.map((f) => f.value)).toEqual(["URGENT"]);
  });

  it("refuses a filter the table would drop with 422, naming it, in JSON or as a workbook alike", async () => {
    for (const format of ["", "&format=xlsx&lang=en", "&format=csv"])
      await expectRefusedDownload(await download(`view=1&severity=URGENT&market=DE${format}`), 422, {
        error: "INVALID_INPUT",
        message: "Nothing was downloaded: a filter in this link cannot be used. Filter severity=URGENT cannot be used: not one of critical, high, medium, low.",
        filters: [{ parameter: "severity", value: "URGENT", reason: "not one of critical, high, medium, low." }],
      }, format);
  });

  it("reads `client` as the table's client filter (an id), as the page's link sends it", async () => {
    // The page's link for /accounts?client=ID: it answered 404 when the id was looked up as a client's name.
    const response = await download(`view=1&client=${clientA}`);
    expect(response.status).toBe(200);
    expect(await storeNames(response)).toEqual(["Alpha", "Bravo"]);
    expect(await storeNames(await download("view=1&client=none"))).toEqual(["Charlie", "Delta"]);
    const tooLong = await download(`view=1&client=${"c".repeat(65)}`);
    expect(tooLong.status).toBe(422);
    expect(((await tooLong.json()) as { filters: unknown[] }).filters).toEqual([{ parameter: "client", value: `${"c".repeat(40)}…`, reason: "longer than 64 characters." }]);
  });

  it("refuses a client filter naming no client the user can reach with 404 naming it, as the accounts export does (decision 093)", async () => {
    const reason = "it is not the id of a client you can see.";
    for (const format of ["", "&format=xlsx&lang=en", "&format=csv"])
      await expectRefusedDownload(await download(`view=1&client=no-such-client${format}`), 404, {
        error: "NOT_FOUND",
        message: `Nothing was downloaded: a filter in this link cannot be used. Filter client=no-such-client cannot be used: ${reason}`,
        filters: [{ parameter: "client", value: "no-such-client", reason }],
      }, format);
  });

  it("is never refused from the page's own links, which carry only the filters the page applied", async () => {
    const { query } = parseAccountListPage(new URLSearchParams("severity=URGENT&market=DE&rule=NOPE"));
    const search = accountListSearch(query, { cursor: undefined });
    expect(await storeNames(await download(`view=1&${search}`))).toEqual(["Delta"]);
    expect((await download(`view=1&format=xlsx&lang=en&${search}`)).status).toBe(200);
  });
});

describe("a parameter the snapshot download does not read", () => {
  it("refuses a view's download with 422, naming it, and exports nothing", async () => {
    for (const format of ["", "&format=xlsx&lang=en"])
      await expectRefusedDownload(await download(`view=1&sev=critical${format}`), 422, {
        error: "INVALID_INPUT",
        message: "Nothing was downloaded: a parameter in this link cannot be used. Link parameter sev=critical cannot be used: no parameter of that name is used here. If you meant the filter severity, correct the name.",
        filters: [{ parameter: "sev", value: "critical", reason: "no parameter of that name is used here. If you meant the filter severity, correct the name." }],
      }, format);
  });

  it("refuses the organisation's or a client's download too: `clinet=` must not become the whole organisation", async () => {
    const response = await download("clinet=Client%20A");
    expect(response.status).toBe(422);
    const body = await response.text();
    for (const name of ALL) expect(body).not.toContain(name);
    expect((JSON.parse(body) as { filters: unknown[] }).filters).toEqual([{ parameter: "clinet", value: "Client A", reason: "no parameter of that name is used here. If you meant the filter client, correct the name." }]);
    // Named beside a client name that cannot be one, the client first.
    const both = await download(`client=${"n".repeat(201)}&sort=score`);
    expect(((await both.json()) as { filters: { parameter: string }[] }).filters.map((f) => f.parameter)).toEqual(["client", "sort"]);
  });

  it("accepts every parameter the app's own links and forms send", async () => {
    // The import page: the organisation, its workbook, and the client form (client, lang, and the workbook button's format).
    expect(await storeNames(await download(""))).toEqual(ALL);
    expect((await download("format=xlsx&lang=ja")).status).toBe(200);
    expect(await storeNames(await download("client=Client%20A&lang=en"))).toEqual(["Alpha", "Bravo"]);
    expect((await download("client=Client%20A&lang=en&format=xlsx")).status).toBe(200);
    // The accounts page: its view with the table's own state (sort, direction, size, columns, density).
    const { query } = parseAccountListPage(new URLSearchParams("severity=critical&sort=score&dir=desc&pageSize=100&cols=none&density=compact"));
    const search = accountListSearch(query, { cursor: undefined });
    expect(search.split("&").map((p) => p.split("=")[0])).toEqual(["severity", "sort", "dir", "pageSize", "cols", "density"]);
    expect(await storeNames(await download(`view=1&${search}`))).toEqual(["Alpha", "Charlie"]);
    expect((await download(`view=1&format=xlsx&lang=en&${search}`)).status).toBe(200);
  });
});

describe("a parameter the snapshot download reads, given twice", () => {
  const twice = (parameter: string, count = 2) => ({ parameter, value: "", reason: `it is given ${count} times; give it once.` });

  it("refuses the organisation's or a client's download with 422, naming it: `client=A&client=B` is not A's file", async () => {
    await expectRefusedDownload(await download("client=Client%20A&client=Nobody"), 422, {
      error: "INVALID_INPUT",
      message: "Nothing was downloaded: a parameter in this link cannot be used. Link parameter client cannot be used: it is given 2 times; give it once.",
      filters: [twice("client")],
    });
    const formats = await download("format=csv&lang=en&format=xlsx&format=csv");
    expect(((await formats.json()) as { filters: unknown[] }).filters).toEqual([twice("format", 3)]);
    // Beside a parameter it does not read, both named.
    const both = await download("clinet=x&lang=ja&lang=en");
    expect(((await both.json()) as { filters: { parameter: string }[] }).filters.map((f) => f.parameter)).toEqual(["clinet", "lang"]);
  });

  it("refuses a view's download given its own parameter twice; the table's filters are the table's to judge, as in the accounts export", async () => {
    await expectRefusedDownload(await download("view=1&severity=critical&format=csv&format=json"), 422, {
      error: "INVALID_INPUT",
      message: "Nothing was downloaded: a parameter in this link cannot be used. Link parameter format cannot be used: it is given 2 times; give it once.",
      filters: [twice("format")],
    });
    expect(await storeNames(await download("view=1&severity=critical&severity=critical"))).toEqual(["Alpha", "Charlie"]);
  });
});

describe("one client's snapshot download", () => {
  it("exports the client named, and answers an unknown name 404, as before", async () => {
    expect(await storeNames(await download("client=Client%20A"))).toEqual(["Alpha", "Bravo"]);
    expect((await download("client=Nobody")).status).toBe(404);
  });

  it("names a client name no client the user can reach has in its 404, in the reader's language, as a view's download does (decision 099)", async () => {
    const reason = "it is not the name of a client you can see.";
    for (const format of ["", "&format=xlsx&lang=en", "&format=csv"])
      await expectRefusedDownload(await download(`client=Nobody${format}`), 404, {
        error: "NOT_FOUND",
        message: `Nothing was downloaded: a filter in this link cannot be used. Filter client=Nobody cannot be used: ${reason}`,
        filters: [{ parameter: "client", value: "Nobody", reason }],
      }, format);
    // Another organisation's client is answered in the same words: nothing says it exists.
    const other = await createTenant(db, { name: "Other org (snapshot 404)" });
    try {
      await db.client.create({ data: { orgId: other.orgId, name: "Elsewhere" } });
      const elsewhere = await download("client=Elsewhere");
      expect(elsewhere.status).toBe(404);
      expect(((await elsewhere.json()) as { filters: unknown[] }).filters).toEqual([{ parameter: "client", value: "Elsewhere", reason }]);
      request.locale = "ja";
      const ja = await download("client=Elsewhere");
      expect(ja.headers.get("content-language")).toBe("ja");
      expect(await ja.json()).toEqual({
        error: "NOT_FOUND",
        message: "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み client=Elsewhere は使えません。あなたが見られるクライアントの名前ではありません。",
        filters: [{ parameter: "client", value: "Elsewhere", reason: "あなたが見られるクライアントの名前ではありません。" }],
      });
    } finally {
      request.locale = "en";
      await db.organization.delete({ where: { id: other.orgId } });
    }
  });

  it("names a client name that cannot be one in its 422", async () => {
    const response = await download(`client=${encodeURIComponent("\u0000<not an id>")}`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "INVALID_INPUT",
      message: "Nothing was downloaded: a filter in this link cannot be used. Filter client=\uFFFD<not an id> cannot be used: it holds a control character (such as a line break, NUL or text-direction override).",
      filters: [{ parameter: "client", value: "\uFFFD<not an id>", reason: "it holds a control character (such as a line break, NUL or text-direction override)." }],
    });
    const long = await download(`client=${"n".repeat(CLIENT_NAME_MAX_LENGTH + 1)}`);
    expect(((await long.json()) as { filters: { reason: string }[] }).filters[0].reason).toBe(`longer than ${CLIENT_NAME_MAX_LENGTH} characters.`);
  });

  it("exports a client whose name is as long as a client's name may be (the limit the client form and /api/v1 share)", async () => {
    const name = "L".repeat(CLIENT_NAME_MAX_LENGTH);
    const { orgId } = await db.client.findUniqueOrThrow({ where: { id: clientA }, select: { orgId: true } });
    const longest = await db.client.create({ data: { orgId, name } });
    try {
      const response = await download(`client=${name}`);
      expect(response.status).toBe(200);
      expect(await storeNames(response)).toEqual([]);
      expect((await download(`client=${name}L`)).status).toBe(422);
    } finally {
      await db.client.delete({ where: { id: longest.id } });
    }
  });

  it("answers other bad input (an empty client, an unknown format) 422 as before", async () => {
    for (const search of ["client=", "format=pdf", "view=2"]) {
      const response = await download(search);
      expect(response.status, search).toBe(422);
      expect(await response.json()).toEqual({ error: "INVALID_INPUT" });
    }
  });
});
