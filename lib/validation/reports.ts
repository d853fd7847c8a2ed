import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { REPORT_FORMATS } from "@/lib/reports/content";
import { recordId } from "./record-fields";

/** The client page's "produce report" form: the client, optionally one of its accounts, format and language. */
export const produceReportSchema = z.object({
  clientId: recordId,
  // An empty choice is the whole client.
  accountId: z.union([recordId, z.literal("")]).optional().transform((v) => v || null),
  format: z.enum(REPORT_FORMATS, "validation.required"),
  locale: z.enum(LOCALES, "validation.required"),
});
export type ProduceReportInput = z.infer<typeof produceReportSchema>;

/** A report id from a URL. */
export const reportIdSchema = recordId;
