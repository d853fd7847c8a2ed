import "server-only";
import { getDb } from "./client";

export async function databaseAnswers(timeoutMs = 2000): Promise<boolean> {
  try {
    const probe = getDb().$queryRawUnsafe("SELECT 1");
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs));
    await Promise.race([probe, timeout]);
    return true;
  } catch {
    return false;
  }
}
