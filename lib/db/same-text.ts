/**
 * A Prisma filter for "this text, in any case". Prisma writes `equals` with `mode: "insensitive"` as ILIKE
 * without escaping the value (prisma/orm#10810), so "Agency_1" would match "Agency-1" and "%" any name:
 * the pattern's own characters are escaped here (PostgreSQL's default LIKE escape is the backslash).
 */
export function sameTextAnyCase(text: string) {
  return { equals: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
