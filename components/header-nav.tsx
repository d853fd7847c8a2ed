"use client";
import Link from "@/components/link";
import type { NavLink } from "@/lib/nav/main-menu";

/**
 * The header's main menu as one client component given the links the reader may see: the layout's flight
 * then carries one client reference and a list of strings rather than a client element per link (every
 * signed-in page, every navigation). The links are the app's intent-prefetching `Link` as before, so the
 * markup and the navigation are the same (decision 041).
 */
export function HeaderNav({ label, links }: { label: string; links: NavLink[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {links.map((link) => (
        <Link key={link.href} href={link.href}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
