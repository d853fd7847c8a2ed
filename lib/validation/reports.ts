import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { REPORT_FORMATS } from "@/lib/reports/content";
import { recordId } from "./record-fields";

/** The "produce report" form: on the client page the client, optionally one of its accounts; on an account's
 *  page just the account (which may have no client). Then format and language. */
export const produceReportSchema = z
  .object({
    clientId: z.union([recordId, z.literal("")]).optional().transform((v) => v || null),
    // An empty choice is the whole client.
    accountId: z.union([recordId, z.literal("")]).optional().transform((v) => v || null),
    format: z.enum(REPORT_FORMATS, "validation.required"),
    locale: z.enum(LOCALES, "validation.required"),
  })
  .refine((v) => v.clientId !== null || v.accountId !== null, { message: "validation.required", path: ["clientId"] });
export type ProduceReportInput = z.infer<typeof produceReportSchema>;

/** A report id from a URL. */
export const reportIdSchema = recordId;
