import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { interpolate } from "./format";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locales";
import { messages, type MessageKey } from "./messages";

export const getLocale = cache(async (): Promise<Locale> => toLocale((await cookies()).get(LOCALE_COOKIE)?.value));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export async function getT(): Promise<Translate> {
  const locale = await getLocale();
  const catalogue = messages[locale];
  return (key, vars) => interpolate(catalogue[key], vars, locale);
}
