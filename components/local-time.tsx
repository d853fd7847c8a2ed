"use client";
import { useSyncExternalStore } from "react";
import { formatDateTime } from "@/lib/dates-format";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const serverZone = () => "UTC";

/**
 * A moment in the reader's own time zone, named ("2026-11-30 23:05 JST"). The server does not know
 * that zone, so it renders UTC and the browser switches to its own zone once hydrated.
 */
export function LocalTime({ iso, locale }: { iso: string; locale: string }) {
  const timeZone = useSyncExternalStore(noSubscription, browserZone, serverZone);
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {formatDateTime(iso, { locale, timeZone })}
    </time>
  );
}
