import { describe, expect, it } from "vitest";
import { snapshotQuerySchema } from "./api";
import { CLIENT_NAME_MAX_LENGTH, createClientSchema, renameClientSchema } from "./clients";
import { TEXT_LIMITS } from "./text";

describe("a client's name, wherever one is given", () => {
  it("has one limit, the snapshot's name limit, in the form and in /api/v1 (whose snapshot upsert creates clients)", () => {
    expect(CLIENT_NAME_MAX_LENGTH).toBe(TEXT_LIMITS.name);
    const longest = "n".repeat(CLIENT_NAME_MAX_LENGTH);
    expect(createClientSchema.safeParse({ name: longest }).success).toBe(true);
    expect(createClientSchema.safeParse({ name: `${longest}n` }).success).toBe(false);
    expect(renameClientSchema.safeParse({ clientId: "c1", version: "1", name: `${longest}n` }).success).toBe(false);
    expect(snapshotQuerySchema.safeParse({ client: longest }).success).toBe(true);
    expect(snapshotQuerySchema.safeParse({ client: `${longest}n` }).success).toBe(false);
  });
});
