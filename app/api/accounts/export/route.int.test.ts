import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { accountListSearch, parseAccountListPage } from "@/lib/validation/accounts";
import { downloadFixture, DOWNLOAD_STORES, expectRefusedDownload } from "@/tests/support/filter-downloads";
import { createTenant, scopeFor } from "@/tests/support/factories";
import type { Scope } from "@/lib/db/scope";
import { testDb } from "@/tests/support/db";
import { GET } from "./route";

// The accounts table's CSV download, through its route handler, against real PostgreSQL. A filter the table would
// drop (and name beside its form) must refuse the file, not export every account as if it had been applied: the
// file is handed on without the page's notice. The session and the language cookie are the test's to set.
const request = vi.hoisted(() => ({ scope: null as unknown, locale: "en" as string | undefined }));
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => request.scope, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === LOCALE_COOKIE && request.locale ? { name, value: request.locale } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));

const db = testDb();
const download = (search: string) => GET(new Request(`http://gatehouse.test/api/accounts/export${search ? `?${search}` : ""}`));
/** The CSV's store names, in file order (the header row left out). */
const storeNames = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[0]);
const ALL = DOWNLOAD_STORES;

let clientA: string;

beforeAll(async () => {
  const fixture = await downloadFixture(db);
  clientA = fixture.clientA;
  request.scope = await scopeFor(fixture.userId);
});
afterAll(() => db.$disconnect());

describe("the accounts CSV download", () => {
  it("exports the filtered view as before for valid filters", async () => {
    const response = await download("severity=critical");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(storeNames(await response.text())).toEqual(["Alpha", "Charlie"]);
    expect(storeNames(await (await download(`client=${clientA}&severity=high`)).text())).toEqual(["Bravo"]);
    expect(storeNames(await (await download("market=DE&min=50")).text())).toEqual(["Delta"]);
  });

  it("exports every account without a filter, or with blank ones (a submitted form's \"any\")", async () => {
    expect(storeNames(await (await download("")).text())).toEqual(ALL);
    const blank = await download("q=&client=&severity=&min=%20&sort=storeName");
    expect(blank.status).toBe(200);
    expect(storeNames(await blank.text())).toEqual(ALL);
  });

  it("refuses a severity it cannot apply with 400, naming the parameter, the value and why, and exports no row", async () => {
    const response = await download("severity=URGENT");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    await expectRefusedDownload(response, 400, {
      error: "INVALID_INPUT",
      message: "Nothing was downloaded: a filter in this link cannot be used. Filter severity=URGENT cannot be used: not one of critical, high, medium, low.",
      filters: [{ parameter: "severity", value: "URGENT", reason: "not one of critical, high, medium, low." }],
    });
  });

  it("refuses a repeated filter whose later value it would not use: a blank first value must not widen the file", async () => {
    const response = await download("severity=&severity=URGENT");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { filters: unknown[] }).filters).toEqual([
      { parameter: "severity", value: "URGENT", reason: "the filter is repeated, and only its first value is used." },
    ]);
    expect(storeNames(await (await download("severity=high&severity=high")).text())).toEqual(["Bravo"]);
  });

  it("refuses when any one filter cannot be applied, naming only those, even beside valid ones", async () => {
    const response = await download("severity=critical&market=jp&max=101&sort=score");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { filters: { parameter: string; value: string }[] };
    expect(body.filters.map((f) => [f.parameter, f.value])).toEqual([["market", "jp"], ["max", "101"]]);
  });

  it("shows a hostile value cut short and with its control characters replaced, as the page does", async () => {
    const response = await download(`q=${encodeURIComponent("\u0000<script>")}&client=${"c".repeat(65)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; filters: { parameter: string; value: string; reason: string }[] };
    expect(body.filters).toEqual([
      { parameter: "q", value: "\uFFFD<script>", reason: "it holds a control character (such as a line break, NUL or text-direction override)." },
      { parameter: "client", value: `${"c".repeat(40)}…`, reason: "longer than 64 characters." },
    ]);
    expect(body.message).not.toContain("\u0000");
  });

  it("says it in the reader's language (Japanese by default), in the page notice's words", async () => {
    request.locale = undefined;
    try {
      const response = await download("severity=URGENT");
      expect(response.status).toBe(400);
      expect(response.headers.get("content-language")).toBe("ja");
      expect(((await response.json()) as { message: string }).message).toBe(
        "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み severity=URGENT は使えません。critical, high, medium, low のいずれでもありません。",
      );
    } finally {
      request.locale = "en";
    }
  });

  it("is never refused from the page's own link, which carries only the filters the page applied", async () => {
    // /accounts?severity=URGENT&market=DE&sort=score lists Delta alone and names the severity; its CSV link is built
    // from what it applied (app/(app)/accounts/(list)/page.tsx), so the file holds the same rows.
    const { query, ignored } = parseAccountListPage(new URLSearchParams("severity=URGENT&market=DE&sort=score"));
    expect(ignored.map((i) => i.name)).toEqual(["severity"]);
    const response = await download(accountListSearch(query, { cursor: undefined }));
    expect(response.status).toBe(200);
    expect(storeNames(await response.text())).toEqual(["Delta"]);
  });

  it("refuses a parameter it does not read (a misspelt filter) with 400, naming it, and exports no row", async () => {
    await expectRefusedDownload(await download("sevrity=critical"), 400, {
      error: "INVALID_INPUT",
      message: "Nothing was downloaded: a parameter in this link cannot be used. Link parameter sevrity=critical cannot be used: no parameter of that name is used here. If you meant the filter severity, correct the name.",
      filters: [{ parameter: "sevrity", value: "critical", reason: "no parameter of that name is used here. If you meant the filter severity, correct the name." }],
    });
    // Beside a valid filter too, and with no value at all; a repeated one is named once.
    const beside = await download("severity=critical&critical&sev=a&sev=b");
    expect(beside.status).toBe(400);
    expect(((await beside.json()) as { filters: { parameter: string; value: string }[] }).filters.map((f) => [f.parameter, f.value])).toEqual([["critical", ""], ["sev", "a"]]);
  });

  it("accepts every parameter the table's own links carry: sort, direction, page size, columns, density, cursor", async () => {
    const query = parseAccountListPage(new URLSearchParams("severity=critical&sort=score&dir=desc&pageSize=50&cols=client,score&density=compact")).query;
    const search = accountListSearch(query, { cursor: { direction: "next", keys: ["A"], id: "x" } });
    expect(search).toMatch(/sort=score&dir=desc&pageSize=50&cols=client%2Cscore&density=compact&cursor=/);
    const response = await download(search);
    expect(response.status).toBe(200);
    // The whole view, not the table's page: the file ignores the cursor and the page size, as before.
    expect(storeNames(await response.text())).toEqual(["Charlie", "Alpha"]);
    expect((await download("col=score&col=client&severity=critical")).status).toBe(200);
  });

  it("refuses a client filter naming no client the user can reach with 404 naming it, alike for an id nobody has and another organisation's (decision 093)", async () => {
    const theirs = await createTenant(db);
    const theirClient = (await db.client.create({ data: { orgId: theirs.orgId, name: "Their Client" } })).id;
    const reason = "it is not the id of a client you can see.";
    for (const id of ["no-such-client", theirClient]) {
      await expectRefusedDownload(await download(`client=${id}&severity=critical`), 404, {
        error: "NOT_FOUND",
        message: `Nothing was downloaded: a filter in this link cannot be used. Filter client=${id} cannot be used: ${reason}`,
        filters: [{ parameter: "client", value: id, reason }],
      }, id);
    }
    // A filter the table cannot apply is said first (400), before any client is looked up.
    const both = await download("client=no-such-client&severity=URGENT");
    expect(both.status).toBe(400);
    expect(((await both.json()) as { filters: { parameter: string }[] }).filters.map((f) => f.parameter)).toEqual(["severity"]);
    // A client of one's own with no account gives the file its true answer: the header alone. "No client" is a filter too.
    const empty = (await db.client.create({ data: { orgId: (request.scope as Scope).orgId, name: "Client Without Accounts" } })).id;
    const header = await download(`client=${empty}`);
    expect(header.status).toBe(200);
    expect(storeNames(await header.text())).toEqual([]);
    expect(storeNames(await (await download("client=none")).text())).toEqual(["Charlie", "Delta"]);
    // In the reader's language.
    request.locale = undefined;
    try {
      const ja = await download("client=no-such-client");
      expect(ja.status).toBe(404);
      expect(((await ja.json()) as { message: string }).message).toBe(
        "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み client=no-such-client は使えません。あなたが見られるクライアントのIDではありません。",
      );
    } finally {
      request.locale = "en";
    }
  });

  it("answers a signed-out caller 401 before looking at its filters", async () => {
    const scope = request.scope;
    request.scope = null;
    try {
      const response = await download("severity=URGENT");
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "UNAUTHENTICATED" });
    } finally {
      request.scope = scope;
    }
  });
});
