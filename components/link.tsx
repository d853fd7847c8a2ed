"use client";
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

/**
 * `next/link` that prefetches when the reader reaches for a link (pointer over it, keyboard focus on it, a
 * finger on it), not when it scrolls into view. Every page of the app is dynamic (it reads the session), so
 * each viewport prefetch is a server render of the layout (session, scope, header) down to the route's
 * loading state: the accounts page's header, sort, column and pagination links made 28 such requests per view,
 * ~10× the server work of the page itself (decision 040). Navigation stays a client transition either way;
 * a link nobody points at costs nothing.
 */
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, href, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  // Same-site paths only, and never when a caller turned prefetching off.
  const onIntent = prefetch !== false && url !== null && url.startsWith("/") && !url.startsWith("//") ? () => router.prefetch(url) : null;
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onMouseEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        onIntent?.();
        onTouchStart?.(event);
      }}
    />
  );
}
