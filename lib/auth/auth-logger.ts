/** Where the logger writes; the console in the app, a recorder in tests. */
export interface LogSink {
  error: (...parts: unknown[]) => void;
  warn: (...parts: unknown[]) => void;
}

type AuthJsError = Error & { type?: string; code?: string; cause?: unknown };

/**
 * Auth.js's `logger` option. A refused sign-in (wrong password, locked e-mail, second factor still to
 * come) is an expected answer already recorded as a SignInAttempt, so it gets one line without a
 * stack — and without the e-mail. Anything else is logged in full as Auth.js would: its cause's stack
 * when it wraps one (an exception inside `authorize`, a database outage), else its own.
 */
export function createAuthLogger(sink: LogSink = console) {
  return {
    error(error: AuthJsError) {
      if (error.type === "CredentialsSignin") {
        sink.warn(`[auth] sign-in refused: ${typeof error.code === "string" ? error.code : "credentials"}`);
        return;
      }
      sink.error(`[auth][error] ${error.type ?? error.name}: ${error.message}`);
      const cause = error.cause;
      if (cause && typeof cause === "object" && "err" in cause && cause.err instanceof Error) {
        const { err, ...details } = cause as { err: Error } & Record<string, unknown>;
        sink.error("[auth][cause]:", err.stack);
        if (Object.keys(details).length) sink.error("[auth][details]:", JSON.stringify(details, null, 2));
      } else if (error.stack) {
        sink.error(error.stack.replace(/.*/, "").substring(1));
      }
    },
    warn(code: string) {
      sink.warn(`[auth][warn][${code}] Read more: https://warnings.authjs.dev`);
    },
  };
}
