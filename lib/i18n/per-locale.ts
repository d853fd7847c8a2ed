import "server-only";
import { interpolate } from "./format";
import type { Locale } from "./locales";
import { messages } from "./messages";
import type { Translate } from "./server";

// Words that depend on the locale alone (a form's labels, a select's options) need not be looked up on every
// request: built once per locale, they are the same object for every reader of that language (issue 15,
// decision 042). Anything that depends on the request (a record, a query) does not belong here: see
// sharedFor (shared-by-translator.ts) for what is shared within one request.

/** The translator getT gives a reader of `locale`, without a request. */
export function translatorFor(locale: Locale): Translate {
  const catalogue = messages[locale];
  return (key, vars) => interpolate(catalogue[key], vars, locale);
}

/** `build` once per locale; the same value every later time, frozen: every reader shares it, so none may edit it. */
export function perLocale<T>(build: (t: Translate, locale: Locale) => T): (locale: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale) => {
    if (!built.has(locale)) built.set(locale, deepFreeze(build(translatorFor(locale), locale)));
    return built.get(locale)!;
  };
}

/** Plain objects and arrays frozen all the way down (React elements are frozen by React already). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}
