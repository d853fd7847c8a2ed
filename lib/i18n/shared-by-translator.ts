import type { Translate } from "./server";

// A page builds its forms' choices (option lists, picker words) with one translator; built once per
// translator they are the same objects in every form of the page, and the flight payload carries each
// once and names it by reference after (issue 15, decision 034). Keyed weakly: gone with the request.
const built = new WeakMap<Translate, Map<string, unknown>>();

/** `build()` once per translator and key; the same object every later time. */
export function sharedFor<T>(t: Translate, key: string, build: () => T): T {
  let table = built.get(t);
  if (!table) built.set(t, (table = new Map()));
  if (!table.has(key)) table.set(key, build());
  return table.get(key) as T;
}
