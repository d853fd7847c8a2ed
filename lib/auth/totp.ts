import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// Gatehouse's own two-factor sign-in (RFC 6238, 30 s, 6 digits). The key is stored encrypted with a
// key derived from AUTH_SECRET, so a database dump alone does not yield working codes.

const PERIOD = 30;

function encryptionKey(secret = process.env.AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is required for two-factor keys");
  return createHash("sha256").update(`gatehouse-totp-v1:${secret}`).digest();
}

export function generateTotpKey(): string {
  return new Secret({ size: 20 }).base32;
}

export function encryptTotpKey(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptTotpKey(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1") throw new Error("unknown key format");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

function totp(base32: string, label = "Gatehouse"): TOTP {
  return new TOTP({ issuer: "Gatehouse", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

export function otpauthUri(base32: string, email: string): string {
  return totp(base32, email).toString();
}

/**
 * The time step a 6-digit code matches (±1 step for clock drift), or null. Steps at or before
 * `lastStep` are refused: a code that was already used cannot be replayed.
 */
export function matchTotp(base32: string, code: string, lastStep: bigint | null, now = Date.now()): bigint | null {
  const clean = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(base32).validate({ token: clean, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = BigInt(Math.floor(now / 1000 / PERIOD) + delta);
  return lastStep !== null && step <= lastStep ? null : step;
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (0/o, 1/l/i)

/** Ten codes like "k7qm2-xw9hd", shown once; only their hashes are stored. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 10 && /[a-z]/.test(normaliseRecoveryCode(code));
}
