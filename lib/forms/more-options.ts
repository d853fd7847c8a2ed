// A select that carries only its current choice in the page and fetches the rest when the user asks
// (issue 15, decision 034 "Stop 28"): the account form's ~400 clients were ~30 kB of every account page's
// flight. Pure, so the browser hook and its tests share it.

export interface Choice {
  value: string;
  label: string;
}

/** What a choices route answered, as choices; null when it is not the expected `{ clients: [{ id, name }] }`. */
export function choicesFromResponse(body: unknown): Choice[] | null {
  if (typeof body !== "object" || body === null || !Array.isArray((body as { clients?: unknown }).clients)) return null;
  const choices: Choice[] = [];
  for (const item of (body as { clients: unknown[] }).clients) {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    if (typeof id !== "string" || typeof name !== "string" || id === "") return null;
    choices.push({ value: id, label: name });
  }
  return choices;
}

/**
 * The select's options once the rest have arrived: the page's own first (a "no client" choice stays at the
 * top), then the fetched ones in their order, each value once. The current value stays even when the
 * fetched list no longer has it (removed meanwhile): the form must still be able to send what it shows.
 */
export function mergeChoices(initial: Choice[], fetched: Choice[]): Choice[] {
  const seen = new Set<string>();
  const merged: Choice[] = [];
  const blanks = initial.filter((c) => c.value === "");
  for (const c of [...blanks, ...fetched, ...initial]) {
    if (seen.has(c.value)) continue;
    seen.add(c.value);
    merged.push(c);
  }
  return merged;
}
