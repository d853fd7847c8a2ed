import "server-only";
import type { Metadata } from "next";
import type { MessageKey } from "./messages";
import { getT } from "./server";

/**
 * A page's <title> in the reader's language: the record's own name first when the page is about one
 * (an account, a person), then the page or section; the root layout's template adds "Gatehouse". Tabs
 * and history entries then tell the pages apart.
 */
export async function pageTitle(section: MessageKey, name?: string): Promise<Metadata> {
  const t = await getT();
  return { title: name ? `${name} · ${t(section)}` : t(section) };
}
