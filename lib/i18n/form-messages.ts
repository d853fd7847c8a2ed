import "server-only";
import type { FormMessages } from "@/components/action-form";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT"] as const;
const VALIDATION_KEYS = (Object.keys(messages.ja) as MessageKey[]).filter((k) => k.startsWith("validation."));

// One error table per translator: a page's forms then share the same object, which the flight payload
// carries once and names by reference elsewhere (~5 kB each time it was built anew; decision 034).
const tables = new WeakMap<Translate, Record<string, string>>();
// And one messages object per translator and success sentence: a page's forms then name the whole object by one
// reference, not a new object holding a reference to the table each time (decision 057).
const built = new WeakMap<Translate, Map<string, FormMessages>>();

/** The error sentences a form may need, in the reader's language. */
export function formMessages(t: Translate, success?: MessageKey): FormMessages {
  let bySuccess = built.get(t);
  if (!bySuccess) built.set(t, (bySuccess = new Map()));
  let result = bySuccess.get(success ?? "");
  if (!result) bySuccess.set(success ?? "", (result = buildFormMessages(t, success)));
  return result;
}

function buildFormMessages(t: Translate, success?: MessageKey): FormMessages {
  let errors = tables.get(t);
  if (!errors) {
    errors = {};
    for (const code of CODES) errors[code] = t(`error.${code}`);
    for (const key of VALIDATION_KEYS) errors[key] = t(key);
    // A stale edit: the record's current values are shown under each field.
    errors["form.currentValue"] = t("form.currentValue");
    errors["form.conflictWithCurrent"] = t("form.conflictWithCurrent");
    tables.set(t, errors);
  }
  return { errors, success: success ? t(success) : undefined };
}
