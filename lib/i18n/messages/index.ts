import type { Locale } from "../locales";
import { en } from "./en";
import { ja } from "./ja";
import * as people from "./people";
import * as dashboard from "./dashboard";
import * as security from "./security";
import * as importErrors from "./import-errors";
import * as api from "./api";
import * as snapshotImport from "./snapshot-import";
import * as spreadsheetImport from "./spreadsheet-import";
import * as inputSafety from "./input-safety";
import * as offboarding from "./offboarding";
import * as rules from "./rules";
import * as firstImpression from "./first-impression";
import * as setup from "./setup";
import * as records from "./records";
import * as triage from "./triage";
import * as reports from "./reports";
import * as reviews from "./reviews";
import * as jobs from "./jobs";
import * as bulk from "./bulk";
import * as bulkProgress from "./bulk-progress";
import * as validation from "./validation";
import * as ignoredFilters from "./ignored-filters";
import { withLimits } from "../message-limits";

// The one catalogue, assembled from per-area files so areas can grow independently. Each area file
// exports `ja` (the reference, `as const`) and `en: Record<keyof typeof ja, string>`.
const jaAll = { ...ja, ...people.ja, ...dashboard.ja, ...security.ja, ...importErrors.ja, ...api.ja, ...snapshotImport.ja, ...spreadsheetImport.ja, ...inputSafety.ja, ...offboarding.ja, ...rules.ja, ...firstImpression.ja, ...setup.ja, ...records.ja, ...triage.ja, ...reports.ja, ...reviews.ja, ...jobs.ja, ...bulk.ja, ...bulkProgress.ja, ...validation.ja, ...ignoredFilters.ja };
export type MessageKey = keyof typeof jaAll;
export const messages: Record<Locale, Record<MessageKey, string>> = {
  ja: withLimits(jaAll),
  en: withLimits({ ...en, ...people.en, ...dashboard.en, ...security.en, ...importErrors.en, ...api.en, ...snapshotImport.en, ...spreadsheetImport.en, ...inputSafety.en, ...offboarding.en, ...rules.en, ...firstImpression.en, ...setup.en, ...records.en, ...triage.en, ...reports.en, ...reviews.en, ...jobs.en, ...bulk.en, ...bulkProgress.en, ...validation.en, ...ignoredFilters.en }),
};
