// A server action's argument list is written by whoever posts it, not by the form that normally calls it:
// anyone holding a page can send a string, a number, an object or nothing where the form goes, or the form
// where the previous state goes. These name what an action may rely on; anything else is a malformed call.

/** The form an action was posted with, or null when the caller sent something else in its place. */
export function asFormData(value: unknown): FormData | null {
  return value instanceof FormData ? value : null;
}

/** The number of the next answer: one more than the previous state's, whatever was posted in its place. */
export function nextSeq(previous: unknown): number {
  const seq = typeof previous === "object" && previous !== null && "seq" in previous ? previous.seq : undefined;
  return typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0 ? seq + 1 : 1;
}
