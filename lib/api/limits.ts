// Limits of /api/v1, in one place for the wrapper and the OpenAPI document.

/** The largest request body read (a snapshot of ~20,000 accounts); larger is `too_large` before it is read whole. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export const IDEMPOTENCY_HEADER_DESCRIPTION =
  "Any unique string (1–255 printable ASCII characters). A retry with the same key and the same request gets the first answer again, for 24 hours; the same key with a different request is 422 invalid_request; while the first is still running, 409 conflict.";
