import { listedIgnored, type IgnoredFilter, type IgnoredReason } from "@/lib/validation/ignored-filters";
import type { Locale } from "./locales";
import type { Translate } from "./server";

function reasonText(reason: IgnoredReason, t: Translate): string {
  switch (reason.kind) {
    case "oneOf":
      return t("filters.ignoredOneOf", { values: reason.values.join(", ") });
    case "tooLong":
      return t("filters.ignoredTooLong", { max: reason.max });
    case "controlChar":
      return t("filters.ignoredControlChar");
    case "wholeNumber":
      return t("filters.ignoredWholeNumber", { min: reason.min, max: reason.max });
    case "marketplace":
      return t("filters.ignoredMarketplace");
    case "rule":
      return t("filters.ignoredRule");
    case "only":
      return t("filters.ignoredOnly", { value: reason.value });
    case "noSuchClient":
      return t("filters.ignoredNoSuchClient");
    case "noSuchClientName":
      return t("filters.ignoredNoSuchClientName");
    case "repeated":
      return t("filters.ignoredRepeated");
    case "repeatedParameter":
      return t("filters.ignoredRepeatedParameter", { count: reason.count });
    case "unknown":
      return reason.near ? t("filters.ignoredUnknownNear", { near: reason.near }) : t("filters.ignoredUnknown");
  }
}

/** A piece of a sentence: the catalogue's text, or a name or value from the URL to be shown isolated from it. */
export type SentencePart = string | { isolate: string };

// Stands in for the name and value while the catalogue fills the sentence in; shownValue() replaced any NUL in them,
// and no catalogue sentence holds one, so the split finds only these.
const SLOT = "\u0000";
const SLOTS = new RegExp(`${SLOT}(name|value)${SLOT}`);

/**
 * A sentence with its name and value apart from the catalogue's words. Right-to-left letters in a value (Arabic,
 * Hebrew) would otherwise take the neighbouring `=`, name or punctuation into their run and reorder the sentence;
 * the notice shows each in its own <bdi>.
 */
type SentenceKey = "filters.ignored" | "filters.ignoredName" | "filters.refused" | "filters.refusedName" | "filters.ignoredParameter" | "filters.ignoredParameterName" | "filters.refusedParameter" | "filters.refusedParameterName";

/**
 * A parameter the page does not read is named as one of the link's, not as a filter (`utm_source` never was one);
 * so is one a download refuses for being given twice (`format` is no filter either).
 */
const isParameter = (filter: IgnoredFilter) => filter.reason.kind === "unknown" || filter.reason.kind === "repeatedParameter";

function sentenceKey(filter: IgnoredFilter, refused: boolean): SentenceKey {
  const parameter = isParameter(filter);
  const named = filter.value === "";
  if (refused) return parameter ? (named ? "filters.refusedParameterName" : "filters.refusedParameter") : named ? "filters.refusedName" : "filters.refused";
  return parameter ? (named ? "filters.ignoredParameterName" : "filters.ignoredParameter") : named ? "filters.ignoredName" : "filters.ignored";
}

/** The notice's (or refusal's) first sentence: about filters while every item is one, else about the link's parameters. */
export function ignoredTitle(ignored: readonly IgnoredFilter[], t: Translate, refused = false): string {
  const anyParameter = ignored.some(isParameter);
  const key = refused ? (anyParameter ? "filters.refusedParametersTitle" : "filters.refusedTitle") : anyParameter ? "filters.ignoredParametersTitle" : "filters.ignoredTitle";
  return t(key, { count: ignored.length });
}

function sentenceParts(key: SentenceKey, filter: IgnoredFilter, reason: string, t: Translate): SentencePart[] {
  const marked = t(key, { name: `${SLOT}name${SLOT}`, value: `${SLOT}value${SLOT}`, reason });
  return marked
    .split(SLOTS)
    .map((piece, i): SentencePart => (i % 2 === 0 ? piece : { isolate: piece === "name" ? filter.name : filter.value }))
    .filter((part) => part !== "");
}

const plain = (parts: readonly SentencePart[]) => parts.map((p) => (typeof p === "string" ? p : p.isolate)).join("");

/**
 * One sentence per filter a page did not apply, in the reader's language ("Ignored filter severity=CRITICAL: not one
 * of …"), names and values apart; past the first few unknown names, one sentence counting the rest.
 */
export function ignoredFilterParts(ignored: readonly IgnoredFilter[], t: Translate): SentencePart[][] {
  const { listed, unlisted } = listedIgnored(ignored);
  const sentences = listed.map((f) => sentenceParts(sentenceKey(f, false), f, reasonText(f.reason, t), t));
  return unlisted ? [...sentences, [t("filters.ignoredMore", { count: unlisted })]] : sentences;
}

/** ignoredFilterParts as plain text. */
export function ignoredFilterSentences(ignored: readonly IgnoredFilter[], t: Translate): string[] {
  return ignoredFilterParts(ignored, t).map(plain);
}

/** One filter a download refused, as its error body names it. */
export interface RefusedFilter {
  parameter: string;
  /** Cut short and with control characters replaced, as the page shows it (shownValue). */
  value: string;
  reason: string;
}

/**
 * Why a download was refused, in the reader's language: the page notice's reasons, but said as a refusal (a
 * download that dropped the filter would hand on a file that looks filtered and is not).
 */
export function refusedFilters(ignored: readonly IgnoredFilter[], t: Translate, locale: Locale): { message: string; filters: RefusedFilter[] } {
  // A crafted link's unknown names past the first few are counted, not echoed back.
  const { listed, unlisted } = listedIgnored(ignored);
  const filters = listed.map(({ name, value, reason }) => ({ parameter: name, value, reason: reasonText(reason, t) }));
  const sentences = [
    ignoredTitle(ignored, t, true),
    ...listed.map((f, i) => plain(sentenceParts(sentenceKey(f, true), f, filters[i].reason, t))),
    ...(unlisted ? [t("filters.ignoredMore", { count: unlisted })] : []),
  ];
  // Japanese sentences end with 。 and run on without a space.
  return { message: sentences.join(locale === "ja" ? "" : " "), filters };
}
