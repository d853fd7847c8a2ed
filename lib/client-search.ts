// Finding clients by name for the accounts table's client filter. Agencies with hundreds or thousands
// of clients get a search box instead of a <select> that would put every name into every page.

export interface ClientChoice {
  id: string;
  name: string;
}

/** Above this many clients the filter is a search box (the page stays small); at or below, a <select>. */
export const CLIENT_SELECT_MAX = 50;
export const CLIENT_MATCH_LIMIT = 10;

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase("en");

/**
 * Clients whose name contains the text (case- and width-insensitive), names that start with it first,
 * then shorter names, then alphabetical; at most `limit`. An empty text lists the first clients by name.
 */
export function matchClients(clients: readonly ClientChoice[], text: string, limit = CLIENT_MATCH_LIMIT): ClientChoice[] {
  const needle = fold(text.trim());
  const hits: { client: ClientChoice; at: number }[] = [];
  for (const client of clients) {
    const at = needle ? fold(client.name).indexOf(needle) : 0;
    if (at >= 0) hits.push({ client, at });
  }
  const byName = (a: ClientChoice, b: ClientChoice) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);
  hits.sort(needle ? (a, b) => Number(a.at > 0) - Number(b.at > 0) || a.client.name.length - b.client.name.length || byName(a.client, b.client) : (a, b) => byName(a.client, b.client));
  return hits.slice(0, limit).map((h) => h.client);
}
