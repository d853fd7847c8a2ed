import { describe, expect, it } from "vitest";
import { actionEncryptionKey, deriveActionEncryptionKey } from "./action-key";

describe("the shared server-action key", () => {
  it("is the same 32-byte key for the same secret, and another for another", () => {
    const a = deriveActionEncryptionKey("s".repeat(40));
    expect(Buffer.from(a, "base64")).toHaveLength(32);
    expect(deriveActionEncryptionKey("s".repeat(40))).toBe(a);
    expect(deriveActionEncryptionKey("t".repeat(40))).not.toBe(a);
  });

  it("is the operator's own when set", () => {
    expect(actionEncryptionKey({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "own" }, "s".repeat(40))).toBe("own");
    expect(actionEncryptionKey({}, "s".repeat(40))).toBe(deriveActionEncryptionKey("s".repeat(40)));
  });
});
