import { describe, expect, it } from "vitest";
import { parseAccountListPage, withoutUnreachableClient } from "@/lib/validation/accounts";
import { noSuchClientNamed, repeatedParameters } from "@/lib/validation/ignored-filters";
import { interpolate } from "./format";
import { ignoredFilterParts, ignoredFilterSentences, ignoredTitle, refusedFilters } from "./ignored-filters";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const translator = (locale: "ja" | "en"): Translate => (key: MessageKey, vars) => interpolate(messages[locale][key], vars, locale);

describe("the sentences naming the filters a page did not apply", () => {
  const { ignored } = parseAccountListPage({ severity: "URGENT", market: "jp", max: "{count}" });

  it("says which value was ignored and why, in English", () => {
    expect(ignoredFilterSentences(ignored, translator("en"))).toEqual([
      "Ignored filter market=jp: not a marketplace code (2 or 3 capital letters, such as JP or US).",
      "Ignored filter severity=URGENT: not one of critical, high, medium, low.",
      // A value that looks like a placeholder is shown as typed, not filled in.
      "Ignored filter max={count}: not a whole number from 0 to 100.",
    ]);
    expect(translator("en")("filters.ignoredTitle", { count: 1 })).toBe("A filter in this link could not be used, so the list is shown without it.");
    expect(translator("en")("filters.ignoredTitle", { count: 3 })).toBe("3 filters in this link could not be used, so the list is shown without them.");
  });

  it("and in Japanese", () => {
    expect(ignoredFilterSentences(ignored, translator("ja"))[1]).toBe("絞り込み severity=URGENT は適用していません。critical, high, medium, low のいずれでもありません。");
  });

  it("has a sentence for every reason, in both languages", () => {
    const all = parseAccountListPage({ q: "a\u0000", client: "c".repeat(65), market: "x", plan: "x", rule: "x", min: "x" }).ignored;
    expect(new Set(all.map((i) => i.reason.kind))).toEqual(new Set(["controlChar", "tooLong", "marketplace", "oneOf", "rule", "wholeNumber"]));
    for (const locale of ["ja", "en"] as const) {
      for (const sentence of ignoredFilterSentences(all, translator(locale))) expect(sentence).not.toMatch(/\{(name|value|reason|values|max|min)\}/);
    }
  });

  it("says a repeated filter's later value was not used, and names the one value a filter accepts", () => {
    const repeated = parseAccountListPage({ severity: ["", "URGENT"] }).ignored;
    expect(ignoredFilterSentences(repeated, translator("en"))).toEqual(["Ignored filter severity=URGENT: the filter is repeated, and only its first value is used."]);
    expect(ignoredFilterSentences(repeated, translator("ja"))).toEqual(["絞り込み severity=URGENT は適用していません。同じ条件が繰り返されています。最初の値だけを使います。"]);
    const only = [{ name: "assignee", value: "bob", reason: { kind: "only", value: "me" } } as const];
    expect(ignoredFilterSentences(only, translator("en"))).toEqual(["Ignored filter assignee=bob: only me is accepted."]);
    expect(ignoredFilterSentences(only, translator("ja"))).toEqual(["絞り込み assignee=bob は適用していません。me のみ使えます。"]);
  });
});

describe("a client filter naming no client the reader can reach (decision 093)", () => {
  const ignored = withoutUnreachableClient(parseAccountListPage({ client: "c-gone" })).ignored;

  it("is named on the page as a filter not applied, in both languages, without saying whether such a client exists", () => {
    expect(ignoredTitle(ignored, translator("en"))).toBe("A filter in this link could not be used, so the list is shown without it.");
    expect(ignoredFilterSentences(ignored, translator("en"))).toEqual(["Ignored filter client=c-gone: it is not the id of a client you can see."]);
    expect(ignoredFilterSentences(ignored, translator("ja"))).toEqual(["絞り込み client=c-gone は適用していません。あなたが見られるクライアントのIDではありません。"]);
  });

  it("is said by a download's refusal in the same words", () => {
    expect(refusedFilters(ignored, translator("en"), "en").message).toBe(
      "Nothing was downloaded: a filter in this link cannot be used. Filter client=c-gone cannot be used: it is not the id of a client you can see.",
    );
    expect(refusedFilters(ignored, translator("ja"), "ja").filters).toEqual([{ parameter: "client", value: "c-gone", reason: "あなたが見られるクライアントのIDではありません。" }]);
  });
});

describe("a client name naming no client the reader can reach (the snapshot download's client=NAME, decision 099)", () => {
  it("is refused as the client id is, saying it is a name, in both languages", () => {
    const ignored = [noSuchClientNamed("Nobody")];
    expect(refusedFilters(ignored, translator("en"), "en")).toEqual({
      message: "Nothing was downloaded: a filter in this link cannot be used. Filter client=Nobody cannot be used: it is not the name of a client you can see.",
      filters: [{ parameter: "client", value: "Nobody", reason: "it is not the name of a client you can see." }],
    });
    expect(refusedFilters(ignored, translator("ja"), "ja").message).toBe(
      "何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み client=Nobody は使えません。あなたが見られるクライアントの名前ではありません。",
    );
    // A name is shown as any value from a link is: cut short, control characters replaced.
    expect(noSuchClientNamed(`a\u202E${"n".repeat(60)}`).value).toBe(`a\uFFFD${"n".repeat(38)}…`);
  });
});

describe("a download's refusal of the filters it cannot apply", () => {
  it("names each parameter, its value as the page shows it, and the page's reason, in English", () => {
    const { ignored } = parseAccountListPage({ severity: "URGENT", q: "a\u202Eb" });
    expect(refusedFilters(ignored, translator("en"), "en")).toEqual({
      message: "Nothing was downloaded: 2 filters in this link cannot be used. Filter q=a\uFFFDb cannot be used: it holds a control character (such as a line break, NUL or text-direction override). Filter severity=URGENT cannot be used: not one of critical, high, medium, low.",
      filters: [
        { parameter: "q", value: "a\uFFFDb", reason: "it holds a control character (such as a line break, NUL or text-direction override)." },
        { parameter: "severity", value: "URGENT", reason: "not one of critical, high, medium, low." },
      ],
    });
  });

  it("says one filter in the singular, and a value that looks like a placeholder as typed", () => {
    const { ignored } = parseAccountListPage({ market: "{reason}" });
    expect(refusedFilters(ignored, translator("en"), "en").message).toBe(
      "Nothing was downloaded: a filter in this link cannot be used. Filter market={reason} cannot be used: not a marketplace code (2 or 3 capital letters, such as JP or US).",
    );
  });

  it("and in Japanese, sentences run on without spaces, with the same reason the page gives", () => {
    const { ignored } = parseAccountListPage({ severity: "URGENT" });
    const refusal = refusedFilters(ignored, translator("ja"), "ja");
    expect(refusal.message).toBe("何もダウンロードしていません。このリンクの絞り込み条件のうち1件が使えません。絞り込み severity=URGENT は使えません。critical, high, medium, low のいずれでもありません。");
    expect(ignoredFilterSentences(ignored, translator("ja"))[0]).toContain(refusal.filters[0].reason);
  });
});

describe("parameters a page does not read, in its notice and a download's refusal", () => {
  it("names a misspelt filter and its value in both languages", () => {
    const { ignored } = parseAccountListPage(new URLSearchParams("sev=critical&critical"));
    expect(ignoredFilterSentences(ignored, translator("en"))).toEqual([
      "Ignored link parameter sev=critical: no parameter of that name is used here. If you meant the filter severity, correct the name.",
      "Ignored link parameter critical: no parameter of that name is used here.",
    ]);
    expect(ignoredFilterSentences(ignored, translator("ja"))).toEqual([
      "リンクのパラメータ sev=critical は使っていません。このページにその名前のパラメータはありません。絞り込みの severity のつもりでしたら、名前を直してください。",
      "リンクのパラメータ critical は使っていません。このページにその名前のパラメータはありません。",
    ]);
    expect(refusedFilters(ignored, translator("ja"), "ja").message).toBe(
      "何もダウンロードしていません。このリンクのパラメータのうち2件が使えません。リンクのパラメータ sev=critical は使えません。このページにその名前のパラメータはありません。絞り込みの severity のつもりでしたら、名前を直してください。リンクのパラメータ critical は使えません。このページにその名前のパラメータはありません。",
    );
  });

  it("lists the first five unknown names and counts the rest, in the notice and the refusal alike", () => {
    const { ignored } = parseAccountListPage(new URLSearchParams([["severity", "x"], ...Array.from({ length: 8 }, (_, i): [string, string] => [`p${i}`, "1"])]));
    const sentences = ignoredFilterSentences(ignored, translator("en"));
    expect(sentences).toHaveLength(7);
    expect(sentences[5]).toBe("Ignored link parameter p4=1: no parameter of that name is used here.");
    expect(sentences[6]).toBe("And 3 more parameters that are not used.");
    expect(ignoredFilterSentences(ignored, translator("ja"))[6]).toBe("ほかにも使っていないパラメータが3件あります。");
    const refusal = refusedFilters(ignored, translator("en"), "en");
    expect(refusal.filters.map((f) => f.parameter)).toEqual(["severity", "p0", "p1", "p2", "p3", "p4"]);
    expect(refusal.message).toMatch(/^Nothing was downloaded: 9 parameters in this link cannot be used\. .* And 3 more parameters that are not used\.$/);
    expect(refusal.message).not.toContain("p5");
    const one = parseAccountListPage(new URLSearchParams(Array.from({ length: 6 }, (_, i): [string, string] => [`p${i}`, ""]))).ignored;
    expect(ignoredFilterSentences(one, translator("en")).at(-1)).toBe("And 1 more parameter that is not used.");
  });

  it("keeps every name and value from the URL apart from the sentence, so right-to-left letters cannot reorder it", () => {
    const { ignored } = parseAccountListPage({ severity: "שלום", "מסנן": "قيمة" });
    expect(ignoredFilterParts(ignored, translator("en"))).toEqual([
      ["Ignored filter ", { isolate: "severity" }, "=", { isolate: "שלום" }, ": not one of critical, high, medium, low."],
      ["Ignored link parameter ", { isolate: "מסנן" }, "=", { isolate: "قيمة" }, ": no parameter of that name is used here."],
    ]);
    expect(ignoredFilterParts(ignored, translator("ja"))[1]).toEqual(["リンクのパラメータ ", { isolate: "מסנן" }, "=", { isolate: "قيمة" }, " は使っていません。このページにその名前のパラメータはありません。"]);
    // A value that spells a slot's name is still only text.
    expect(ignoredFilterParts(parseAccountListPage({ name: "value" }).ignored, translator("en"))[0]).toEqual(["Ignored link parameter ", { isolate: "name" }, "=", { isolate: "value" }, ": no parameter of that name is used here."]);
  });
});

describe("a parameter a download reads once, given twice", () => {
  const repeated = repeatedParameters(new URLSearchParams("format=csv&format=xlsx"));

  it("is refused as a parameter of the link, with how many times it was given, in both languages", () => {
    expect(refusedFilters(repeated, translator("en"), "en")).toEqual({
      message: "Nothing was downloaded: a parameter in this link cannot be used. Link parameter format cannot be used: it is given 2 times; give it once.",
      filters: [{ parameter: "format", value: "", reason: "it is given 2 times; give it once." }],
    });
    expect(refusedFilters(repeated, translator("ja"), "ja").message).toBe(
      "何もダウンロードしていません。このリンクのパラメータのうち1件が使えません。リンクのパラメータ format は使えません。2回指定されています。1回だけ指定してください。",
    );
  });
});

describe("a parameter that was never a filter", () => {
  it("is called a parameter of the link, not a filter, in the notice, its title and a refusal (utm_source)", () => {
    const { ignored } = parseAccountListPage(new URLSearchParams("utm_source=newsletter"));
    expect(ignoredFilterSentences(ignored, translator("ja"))).toEqual(["リンクのパラメータ utm_source=newsletter は使っていません。このページにその名前のパラメータはありません。"]);
    expect(ignoredFilterSentences(ignored, translator("en"))).toEqual(["Ignored link parameter utm_source=newsletter: no parameter of that name is used here."]);
    expect(ignoredTitle(ignored, translator("ja"))).toBe("このリンクのパラメータのうち1件は使えないため、それを除いて表示しています。");
    expect(ignoredTitle(ignored, translator("en"))).toBe("A parameter in this link could not be used, so the page is shown without it.");
    for (const locale of ["ja", "en"] as const) expect(refusedFilters(ignored, translator(locale), locale).message).not.toMatch(/filter|絞り込み/i);
  });

  it("keeps the filter words while only filters were not applied", () => {
    const { ignored } = parseAccountListPage({ severity: "URGENT" });
    expect(ignoredTitle(ignored, translator("en"))).toBe("A filter in this link could not be used, so the list is shown without it.");
  });
});
