import { toLocale, type Locale } from "@/lib/i18n/locales";
import { unknownPerson } from "@/lib/i18n/messages/validation/unknown-person";

/** "validation.*" key → sentence, in one language. */
export type Sentences = Readonly<Record<string, string>>;

// The sentences a form says when the browser refuses it (its schema, a confirmation, a person typed but not
// chosen). Carried in every page's flight they were ≈ 4.9 k escaped characters of each page with a form, on the
// account page past the inline-flight cliff (decisions 056, 057, 060); loaded here they are one cached chunk of
// the reader's language. What the server refuses carries its own sentences (ActionState.said).
const importers: Record<Locale, () => Promise<Sentences>> = {
  ja: () => import("@/lib/i18n/messages/validation/ja").then((m) => m.ja),
  en: () => import("@/lib/i18n/messages/validation/en").then((m) => m.en),
};
const loaded: Partial<Record<Locale, Sentences>> = {};
const failed: Partial<Record<Locale, true>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/** The page's language: the root layout's `<html lang>`, set from the cookie the server translates by. */
export function pageLocale(): Locale {
  return toLocale(typeof document === "undefined" ? undefined : document.documentElement.lang);
}

/** Starts (once per language) loading its sentences; settles either way (offline: they stay unavailable). */
export function loadValidationSentences(locale: Locale): Promise<void> {
  return (loading[locale] ??= importers[locale]().then(
    (sentences) => {
      loaded[locale] = sentences;
    },
    () => {
      failed[locale] = true;
    },
  ));
}

/** Loaded, or known not to load. */
export function validationSentencesSettled(locale: Locale): boolean {
  return Boolean(loaded[locale] ?? failed[locale]);
}

/** The language's sentences once loaded; undefined before, or when they could not be loaded. */
export function validationSentences(locale: Locale): Sentences | undefined {
  return loaded[locale];
}

/** What the browser can still say when its sentences could not be loaded: the one refusal it makes without them. */
export function offlineSentences(locale: Locale): Sentences {
  return { "validation.unknownPerson": unknownPerson[locale] };
}
