// Japanese first: the first users are Japanese agencies selling on Amazon.co.jp.
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";
export const LOCALE_COOKIE = "gh_locale";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" || value === "ja" ? value : DEFAULT_LOCALE;
}
