import { z } from "zod";

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().refine((n) => [25, 50, 100].includes(n)).catch(25),
  sort: z.enum(["storeName", "score"]).catch("storeName"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const accountIdSchema = z.string().min(1).max(64);
