import "server-only";
import type { FormMessages } from "@/components/action-form";
import { messages, type MessageKey } from "./messages";
import type { Translate } from "./server";

const CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "CONFLICT"] as const;
const VALIDATION_KEYS = (Object.keys(messages.ja) as MessageKey[]).filter((k) => k.startsWith("validation."));

/** The error sentences a form may need, in the reader's language. */
export function formMessages(t: Translate, success?: MessageKey): FormMessages {
  const errors: Record<string, string> = {};
  for (const code of CODES) errors[code] = t(`error.${code}`);
  for (const key of VALIDATION_KEYS) errors[key] = t(key);
  // A stale edit: the record's current values are shown under each field.
  errors["form.currentValue"] = t("form.currentValue");
  errors["form.conflictWithCurrent"] = t("form.conflictWithCurrent");
  return { errors, success: success ? t(success) : undefined };
}
