// A person is named with their company so two "Sato"s of two companies are told apart, in brackets so a list of
// people separated by commas counts right. A shared agency login is often recorded as a person named after the
// agency ("Blue Ocean Ads (shared)" of Blue Ocean Ads): naming its company again read as a second party (new-user
// pass 44, F10: "external Blue Ocean Ads (shared), Blue Ocean Ads"). The name says its company only when it begins
// with it as a whole word, or holds it in brackets: a company merely inside the name's letters ("Sato Hana" of
// "Toha", "Mori Aoi" of "Aoi") is another party and stays named (review 45).

/** NFKC, any case, runs of spaces as one: as a reader compares names. */
const comparable = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Whether the person's name already says their company: it begins with it as a word, or names it in brackets. */
export function nameSaysCompany(name: string, company: string | null): boolean {
  if (!company) return false;
  const key = comparable(company);
  if (key === "") return false;
  const named = comparable(name);
  if (named.startsWith(key) && !WORD_CHARACTER.test(named.charAt(key.length))) return true;
  return named.includes(`(${key})`);
}

/** "Ito Ken (Blue Agency)"; the name alone when there is no company or the name already says it. */
export function personLabel(name: string, company: string | null): string {
  return company && !nameSaysCompany(name, company) ? `${name} (${company})` : name;
}
