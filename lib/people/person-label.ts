import { personNameKey } from "./same-name";

// A person is named with their company so two "Sato"s of two companies are told apart, in brackets so a list of
// people separated by commas counts right. A shared agency login is often recorded as a person named after the
// agency ("Blue Ocean Ads (shared)" of Blue Ocean Ads): naming its company again read as a second party (new-user
// pass 44, F10: "external Blue Ocean Ads (shared), Blue Ocean Ads").

/** Whether the person's name already says their company (compared as names are: NFKC, any case, spaces ignored). */
export function nameSaysCompany(name: string, company: string | null): boolean {
  if (!company) return false;
  const key = personNameKey(company);
  return key !== "" && personNameKey(name).includes(key);
}

/** "Ito Ken (Blue Agency)"; the name alone when there is no company or the name already says it. */
export function personLabel(name: string, company: string | null): string {
  return company && !nameSaysCompany(name, company) ? `${name} (${company})` : name;
}
