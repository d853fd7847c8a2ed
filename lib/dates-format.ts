/** A stored timestamp shown as its UTC calendar date, the unit every rule counts in. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 10);
}
