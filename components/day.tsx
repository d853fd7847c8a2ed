import { formatDay } from "@/lib/dates-format";

/** A calendar day in a table: never broken at its hyphens (a narrow column would), digits aligned. */
export function Day({ value }: { value: Date | string | null | undefined }) {
  const day = formatDay(value);
  return day === "—" ? <span className="text-slate-500">—</span> : <time dateTime={day} className="whitespace-nowrap tabular-nums">{day}</time>;
}
