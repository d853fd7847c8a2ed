import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db, Tx } from "../client";
import { getDb } from "../client";

// The first-run setup link (the self-hosted pattern that keeps the first stranger on the network from
// claiming the server): while the database holds no organisation, `npm start` issues one random token,
// stores only its SHA-256 in the database and the token itself in the data directory (mode 600), and
// prints the link once. Later starts print where the token is, never the token again.

export const SETUP_TOKEN_FILE = "setup-token";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SetupTokenOutcome =
  | { kind: "not-needed" }
  /** Issued now: the only time the link is printed. */
  | { kind: "issued"; token: string }
  /** Issued at an earlier start and not used yet: the operator finds it in this file. */
  | { kind: "pending"; file: string };

export async function prepareSetupToken(db: Db, dataDir: string): Promise<SetupTokenOutcome> {
  const file = join(dataDir, SETUP_TOKEN_FILE);
  if ((await db.organization.count()) > 0) {
    // Set up (here, by the CLI or by another instance): the token must not outlive its purpose.
    await db.setupToken.deleteMany({});
    await rm(file, { force: true });
    return { kind: "not-needed" };
  }
  const row = await db.setupToken.findUnique({ where: { id: 1 } });
  if (row && !row.usedAt && existsSync(file) && hashToken((await readFile(file, "utf8")).trim()) === row.tokenHash) return { kind: "pending", file };
  if (row && !row.usedAt && !existsSync(file)) {
    // Another instance (another data directory) issued it and printed it; do not replace a link someone may be holding.
    return { kind: "pending", file: "(the data directory of the instance that printed the link)" };
  }
  const token = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, token, { mode: 0o600 });
  await db.setupToken.upsert({ where: { id: 1 }, create: { id: 1, tokenHash: hashToken(token) }, update: { tokenHash: hashToken(token), usedAt: null, createdAt: new Date() } });
  return { kind: "issued", token };
}

function matches(stored: string, token: string): boolean {
  const a = Buffer.from(stored, "hex");
  const b = Buffer.from(hashToken(token), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** /setup is open only with the unused token and while no organisation exists; anything else is a 404. */
export async function setupIsOpen(token: string | undefined | null): Promise<boolean> {
  if (!token || token.length < 20 || token.length > 200) return false;
  const db = getDb();
  const [row, orgs] = await Promise.all([db.setupToken.findUnique({ where: { id: 1 } }), db.organization.count()]);
  return orgs === 0 && !!row && !row.usedAt && matches(row.tokenHash, token);
}

/** Inside the setup transaction: claims the token once (a second use, or a race, finds it used). */
export async function claimSetupToken(tx: Tx, token: string): Promise<boolean> {
  const row = await tx.setupToken.findUnique({ where: { id: 1 } });
  if (!row || row.usedAt || !matches(row.tokenHash, token)) return false;
  const claimed = await tx.setupToken.updateMany({ where: { id: 1, usedAt: null }, data: { usedAt: new Date() } });
  return claimed.count === 1;
}
