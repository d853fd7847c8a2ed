import {
  ACCEPT_REASON_MAX_LENGTH, ACCEPT_REASON_MIN_LENGTH, API_TOKEN_NAME_MAX, EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH, IDEMPOTENCY_KEY_MAX_LENGTH,
  MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, REVIEW_COMMENT_MAX_LENGTH, VIEW_NAME_MAX_LENGTH,
} from "@/lib/validation/limits";

// A sentence that names a length ("理由は{max}文字以内にしてください。") gets the number the schema refuses at, filled
// in when the catalogue is built: written into the catalogue it was a copy that could drift from the schema
// (decision 086). lib/i18n/message-limits.test.ts checks that no sentence writes a length of its own and that each
// number here is where its schemas' refusal starts.

/** Each sentence's placeholders and the limits they stand for. */
export const MESSAGE_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "validation.reasonTooShort": { min: ACCEPT_REASON_MIN_LENGTH },
  "finding.reasonHint": { min: ACCEPT_REASON_MIN_LENGTH },
  "validation.reasonTooLong": { max: ACCEPT_REASON_MAX_LENGTH },
  "validation.viewNameTooLong": { max: VIEW_NAME_MAX_LENGTH },
  "validation.noteTooLong": { max: REVIEW_COMMENT_MAX_LENGTH },
  "validation.password.tooShort": { min: MIN_PASSWORD_LENGTH },
  "validation.password.tooLong": { max: MAX_PASSWORD_LENGTH },
  "validation.emailTooLong": { localMax: EMAIL_LOCAL_MAX_LENGTH, max: EMAIL_MAX_LENGTH },
  "validation.apiTokenNameTooLong": { max: API_TOKEN_NAME_MAX },
  "api.problem.idempotencyKey": { min: 1, max: IDEMPOTENCY_KEY_MAX_LENGTH },
};

/** The catalogue with each sentence's limits filled in; other placeholders ({count}) are left for their callers. */
export function withLimits<T extends Record<string, string>>(catalogue: T): T {
  const out: Record<string, string> = { ...catalogue };
  for (const [key, limits] of Object.entries(MESSAGE_LIMITS)) {
    if (key in out) out[key] = out[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in limits ? String(limits[name]) : placeholder));
  }
  return out as T;
}
