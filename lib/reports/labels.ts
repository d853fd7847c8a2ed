import { interpolate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { messages, type MessageKey } from "@/lib/i18n/messages";

export type ReportT = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A report is written in the language chosen on the form, not the reader's cookie. */
export function reportT(locale: Locale): ReportT {
  const catalogue = messages[locale];
  return (key, vars) => interpolate(catalogue[key], vars, locale);
}

/** A label from the catalogue, or the value itself for free text (an Ads role typed by hand). */
export function labelOr(t: ReportT, key: string, value: string): string {
  return key in messages.ja ? t(key as MessageKey) : value;
}

/** "2026-12-04 15:02 UTC": one unambiguous form for both languages. */
export const instant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
