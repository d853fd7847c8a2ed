import type { z } from "zod";

// Shared by the server actions' wrapper and the browser-side check of the same schema (ActionForm),
// so both read a form the same way and name the same first problem per field.

/** The first message per field of a failed zod parse, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
  return fieldErrors;
}

/**
 * The limit of each field whose shown refusal (its first, as fieldErrorsOf names it) is a text past its maximum: the
 * number the refusing schema itself holds, so a form's "200 characters at most" cannot drift from the rule (a field
 * description once carried its own copy of it).
 */
export function tooLongLimitsOf(error: z.ZodError): Record<string, number> {
  const limits: Record<string, number> = {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (seen.has(field)) continue;
    seen.add(field);
    if (issue.code === "too_big" && issue.origin === "string" && typeof issue.maximum === "number") limits[field] = issue.maximum;
  }
  return limits;
}

/** Form fields as strings; a field sent several times (a checkbox group) becomes one comma-joined value. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    fields[key] = formData.getAll(key).filter((v): v is string => typeof v === "string").join(",");
  }
  return fields;
}
