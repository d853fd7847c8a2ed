import "server-only";
import { unstable_update, type ROTATION_REASONS } from "@/auth";

/**
 * Issues the caller a new session (server-side row and JWT cookie) and revokes the one they had:
 * called after every change of what the session may do. Server actions only (it sets a cookie).
 */
export async function rotateSession(reason: (typeof ROTATION_REASONS)[number]): Promise<void> {
  await unstable_update({ rotate: reason } as never);
}
