export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT";

/** Thrown by lib/, mapped by the action/route wrapper to 401/403/404/422/409. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  /** A stale edit (CONFLICT): the record's current values as form strings, so the form can show them beside what was typed. */
  current?: Record<string, string>;

  /** Values for the placeholders of the sentences its details name (who already has this name). */
  vars?: Record<string, string | number>;
}

/** Runs an edit; when it is refused as stale, attaches the record's current values to the refusal. */
export async function withCurrentValues<T>(edit: Promise<T>, readCurrent: () => Promise<Record<string, string> | null>): Promise<T> {
  try {
    return await edit;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT" && !error.current) {
      const current = await readCurrent();
      if (current) error.current = current;
    }
    throw error;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
};
