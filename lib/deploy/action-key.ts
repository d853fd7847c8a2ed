import { createHmac } from "node:crypto";

// Next.js encrypts the variables a server action closes over with an AES key; without one set, each
// build makes its own, and two app processes built apart (or replicas of an image built twice) reject
// each other's actions. Every process of a deployment already shares AUTH_SECRET, so the launcher
// derives the key from it when NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is unset (decision 020): the same
// secret gives the same 256-bit key everywhere, and the key reveals nothing of the secret.

/** The base64 AES-256 key Next.js reads from NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. */
export function deriveActionEncryptionKey(authSecret: string): string {
  return createHmac("sha256", authSecret).update("gatehouse server actions encryption key").digest("base64");
}

/** The key the app processes get: the operator's own, or the derived one. */
export function actionEncryptionKey(env: { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?: string }, authSecret: string): string {
  return env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || deriveActionEncryptionKey(authSecret);
}
