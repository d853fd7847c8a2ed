import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { decryptTotpKey, encryptTotpKey, generateRecoveryCodes, generateTotpKey, hashRecoveryCode, matchTotp, otpauthUri } from "./totp";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdefghijkl";
});

const codeAt = (key: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate({ timestamp });

describe("TOTP for Gatehouse users", () => {
  const now = Date.UTC(2026, 10, 23, 9, 0, 15);

  it("encrypts the key at rest and decrypts it back", () => {
    const key = generateTotpKey();
    const stored = encryptTotpKey(key);
    expect(stored).not.toContain(key);
    expect(decryptTotpKey(stored)).toBe(key);
    // Flip one bit of the ciphertext itself (editing the last base64 character can touch only padding bits).
    const [version, iv, tag, data] = stored.split(".");
    const tampered = Buffer.from(data, "base64url");
    tampered[0] ^= 1;
    expect(() => decryptTotpKey([version, iv, tag, tampered.toString("base64url")].join("."))).toThrow();
  });

  it("accepts the current code and one step of drift, not two", () => {
    const key = generateTotpKey();
    expect(matchTotp(key, codeAt(key, now), null, now)).toBe(BigInt(Math.floor(now / 30_000)));
    expect(matchTotp(key, codeAt(key, now - 30_000), null, now)).not.toBeNull();
    expect(matchTotp(key, codeAt(key, now - 90_000), null, now)).toBeNull();
    expect(matchTotp(key, "12345", null, now)).toBeNull();
  });

  it("refuses a code whose step was already used (no replay)", () => {
    const key = generateTotpKey();
    const step = matchTotp(key, codeAt(key, now), null, now)!;
    expect(matchTotp(key, codeAt(key, now), step, now)).toBeNull();
    expect(matchTotp(key, codeAt(key, now + 30_000), step, now + 30_000)).toBe(step + 1n);
  });

  it("builds an otpauth URI for authenticator apps", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "sato@example.jp")).toMatch(/^otpauth:\/\/totp\/Gatehouse:sato%40example\.jp\?.*secret=JBSWY3DPEHPK3PXP/);
  });

  it("makes ten distinct recovery codes and hashes them independent of case and dashes", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
    expect(hashRecoveryCode(codes[0].toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(codes[0]));
  });
});
