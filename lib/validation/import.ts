import { z } from "zod";

/** The import's query string: the client the imported accounts go under (none: no client). */
export const importRequestSchema = z.object({ clientId: z.string().max(64).optional().transform((v) => v || null) });
