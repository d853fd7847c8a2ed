import { z } from "zod";

// List cursors are opaque to callers: base64url JSON of the last row's sort key. Only the server reads
// them, and a cursor that does not decode is refused as invalid_request rather than restarting the list.
const cursorSchema = z.object({ after: z.string().min(1).max(200) });

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after })).toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.after : null;
  } catch {
    return null;
  }
}
