/** A stored timestamp shown as its UTC calendar date, the unit every rule counts in. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 10);
}

/**
 * A moment as `YYYY-MM-DD HH:mm` (the app's date order, 24-hour clock) in `timeZone`, followed by that
 * zone's short name in the reader's language: "2026-11-30 23:05 JST", "2026-11-30 14:05 UTC",
 * "2026-11-30 15:05 GMT+1". An unknown zone falls back to UTC rather than failing the page.
 */
export function formatDateTime(value: Date | string, { locale, timeZone }: { locale: string; timeZone: string }): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  const { clock, zoneName } = formatters(locale, timeZone);
  const parts = clock.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const name = zoneName.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zoneName.resolvedOptions().timeZone;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${name}`;
}

/**
 * The two formatters of a locale and zone, made once: building an Intl.DateTimeFormat costs ~60 µs (ICU loads the
 * zone and the locale's names), formatting with one a few µs, and a page of history or jobs shows dozens of moments.
 */
const formattersByKey = new Map<string, { clock: Intl.DateTimeFormat; zoneName: Intl.DateTimeFormat }>();
function formatters(locale: string, timeZone: string) {
  const key = `${locale}\u0000${timeZone}`;
  let found = formattersByKey.get(key);
  if (!found) {
    let zone = timeZone;
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
    } catch {
      zone = "UTC";
    }
    found = {
      clock: new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      zoneName: new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }),
    };
    // Bounded: the keys are the app's two locales by the zones its readers are in (and any a caller makes up).
    if (formattersByKey.size >= 256) formattersByKey.clear();
    formattersByKey.set(key, found);
  }
  return found;
}
