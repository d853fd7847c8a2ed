import { isOrgAdmin, type Scope } from "@/lib/db/scope";
import type { Translate } from "@/lib/i18n/server";

export interface NavLink {
  href: string;
  label: string;
}

/**
 * The header's main menu: the links this reader may follow, in the order they are shown. The pages
 * check their own permissions; this only leaves out what a reader could not open (clients, import and
 * members need an Owner or Admin; a client-owner portal has no settings or clients of its own).
 */
export function mainMenu(scope: Pick<Scope, "role" | "portal">, t: Translate): NavLink[] {
  const admin = isOrgAdmin(scope);
  const links: (NavLink | false)[] = [
    { href: "/", label: t("nav.overview") },
    { href: "/accounts", label: t("nav.accounts") },
    { href: "/people", label: t("nav.people") },
    { href: "/rules", label: t("nav.rules") },
    { href: "/reviews", label: t("nav.reviews") },
    { href: "/tasks", label: t("nav.tasks") },
    !scope.portal && { href: "/settings", label: t("nav.settings") },
    admin && !scope.portal && { href: "/clients", label: t("nav.clients") },
    admin && { href: "/import", label: t("nav.import") },
    admin && { href: "/members", label: t("nav.members") },
    { href: "/security", label: t("nav.security") },
  ];
  return links.filter((link): link is NavLink => link !== false);
}
