import { z } from "zod";

/** The accounts table's client search box: the text typed so far. */
export const clientSearchSchema = z.object({ q: z.string().max(100).default("") });
