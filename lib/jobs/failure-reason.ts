// What the jobs page says about a failed attempt (decision 088). pg-boss keeps a thrown error in the job's
// `output` as { name, message, stack }; a reader gets its message only: one line, no stack, and nothing that could
// be a credential (an error of the database driver or of SMTP may carry its connection string).

/** Longest reason shown; the rest is cut (a message carrying a whole query would fill the page). */
export const FAILURE_REASON_MAX = 300;

/** A URL's password, and libpq's `password=…` keyword, as "***". */
export function maskCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, "$1:***@")
    .replace(/\b(password|passwd|pwd)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,]+)/gi, "$1$2***");
}

/** The failure's reason from a job's `output` (an error, or whatever a handler failed with); null when it has none. */
export function failureReason(output: unknown): string | null {
  const message =
    typeof output === "string" ? output : output && typeof output === "object" && typeof (output as { message?: unknown }).message === "string" ? (output as { message: string }).message : null;
  if (!message) return null;
  const line = message.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "");
  if (!line) return null;
  const masked = maskCredentials(line);
  return masked.length > FAILURE_REASON_MAX ? `${masked.slice(0, FAILURE_REASON_MAX - 1)}…` : masked;
}
