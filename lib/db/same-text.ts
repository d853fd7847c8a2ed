// Prisma writes `equals`, `contains`, `startsWith` and `endsWith` with `mode: "insensitive"` as ILIKE (and without
// it as LIKE) without escaping the value (prisma/orm#10810): "Agency_1" would match "Agency-1", and a search for
// "%" or "_" everything. Every such filter on text a person typed goes through these, which escape the pattern's
// own characters (PostgreSQL's default LIKE escape is the backslash).

/** `text` with LIKE's `\`, `%` and `_` escaped, to stand for itself inside a pattern. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** A Prisma filter for "this text, in any case". */
export function sameTextAnyCase(text: string) {
  return { equals: likeLiteral(text), mode: "insensitive" as const };
}

/** A Prisma filter for "contains this text, in any case" (a search box). */
export function containsTextAnyCase(text: string) {
  return { contains: likeLiteral(text), mode: "insensitive" as const };
}
