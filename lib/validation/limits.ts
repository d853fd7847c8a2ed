// The lengths that a refusal's own sentence names ("理由は1000文字以内にしてください。"). The schemas refuse at these
// numbers and the catalogues fill them into their sentences (lib/i18n/message-limits.ts), so the two cannot drift:
// a sentence once wrote its number as a copy of the schema's (decision 078 left these; decision 086).
// Constants only, no zod: the browser's chunk of validation sentences imports this.

/** Accepting a finding's risk: why it is not being fixed now. */
export const ACCEPT_REASON_MIN_LENGTH = 10;
export const ACCEPT_REASON_MAX_LENGTH = 1000;
/** A saved view of the accounts table. */
export const VIEW_NAME_MAX_LENGTH = 80;
/** A review decision's comment and a task's closing note (a triage outcome's note is as long: TRIAGE_NOTE_MAX_LENGTH). */
export const REVIEW_COMMENT_MAX_LENGTH = 500;
/** Gatehouse's own passwords (lib/auth/password-policy.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** The longest address mail can carry (RFC 5321): 254 characters in all, 64 before the @. */
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_LOCAL_MAX_LENGTH = 64;
/** An API token's name. */
export const API_TOKEN_NAME_MAX = 100;
/** Idempotency-Key: what Stripe and the IETF draft allow, printable ASCII up to this many. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
