import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Gatehouse stores metadata about access, never the secrets themselves. This reads the schema, so a
// new column named like a secret fails the build until someone justifies it here.
const SECRET_WORDS = /(password|passwd|secret|otp|seed|recovery|totp|token|phone(?!Last4))/i;
// Gatehouse's own credentials: its users' password hash, and their own TOTP key encrypted at rest
// (a second factor cannot work without it). Neither is data about a seller account.
const ALLOWED = new Set([
  "User.passwordHash", "User.totpKeyEncrypted", "User.totpPendingKeyEncrypted", "User.totpEnabledAt", "User.totpLastStep", "User.recoveryCodes",
  "Login.passwordChangedAt", "Login.passwordReused", "Device.skipOtpOnBrowser",
  // Only the SHA-256 of a single-use, expiring invitation token.
  "Invitation.tokenHash",
  // Only the SHA-256 of a 256-bit API token (decision 016), and its first 9 characters to tell tokens apart.
  "ApiToken.tokenHash",
  // The id of an ApiToken row (not the token) that a rate-limit window or an idempotency key belongs to.
  "ApiRequestWindow.tokenId", "ApiIdempotencyKey.tokenId",
  // The id of the ApiToken row a change came through (decision 094): its name is read from the row, never the token.
  "AuditEvent.actorTokenId",
  // Only the SHA-256 of the single-use first-run setup token (used once, while no organisation exists).
  "SetupToken.tokenHash",
]);

function fields(schema: string): string[] {
  const out: string[] = [];
  for (const match of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const line of match[2].split("\n")) {
      const field = line.trim().match(/^(\w+)\s+\S/);
      if (field && !line.trim().startsWith("@@") && !line.trim().startsWith("//")) out.push(`${match[1]}.${field[1]}`);
    }
  }
  return out;
}

describe("schema holds no secrets", () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");

  it("finds the models' fields", () => {
    expect(fields(schema)).toEqual(expect.arrayContaining(["User.passwordHash", "Login.email", "TwoStepMethod.phoneLast4"]));
  });

  it("has no field whose name suggests a stored secret, other than Gatehouse's own users' credentials", () => {
    const suspicious = fields(schema).filter((f) => SECRET_WORDS.test(f.split(".")[1]) && !ALLOWED.has(f));
    expect(suspicious).toEqual([]);
  });

  it("would flag such a field", () => {
    const bad = "model Login {\n  id String @id\n  otpSeed String\n  recoveryCodes String[]\n  phoneNumber String\n}\n";
    expect(fields(bad).filter((f) => SECRET_WORDS.test(f.split(".")[1]))).toEqual(["Login.otpSeed", "Login.recoveryCodes", "Login.phoneNumber"]);
  });

  it("keeps phone numbers to four digits", () => {
    expect(schema).toMatch(/phoneLast4\s+String\?\s+@db\.VarChar\(4\)/);
  });
});
