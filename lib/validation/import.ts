import { z } from "zod";

/** The import's query string: the client the imported accounts go under (none: no client). */
export const importRequestSchema = z.object({ clientId: z.string().max(64).optional().transform((v) => v || null) });

/**
 * Incoming person ids the user keeps apart from the existing person their logins' e-mail matches
 * (match-people.ts), for the large import: the same ids as the regular import's form field, as
 * repeated `keepApart` query parameters (the request body is the file). Its preview lists the first
 * 200 matches, so a few hundred at most; duplicates are dropped.
 */
export const largeKeepApartSchema = z
  .array(z.string().min(1).max(200))
  .max(1_000)
  .transform((ids) => [...new Set(ids)]);
