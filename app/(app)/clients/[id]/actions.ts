"use server";
import { defineAction } from "@/lib/actions/define-action";
import { produceReport } from "@/lib/db/reports/report-records";
import { produceReportSchema } from "@/lib/validation/reports";

export const produceReportAction = defineAction(produceReportSchema, (scope, input) => produceReport(scope, input));
