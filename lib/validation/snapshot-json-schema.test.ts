import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TOOL_IDS } from "../risk/tools";
import { generateSnapshotJsonSchema, SNAPSHOT_JSON_SCHEMA_PATH, snapshotJsonSchemaText } from "./snapshot-json-schema";

const committedPath = fileURLToPath(new URL(`../../${SNAPSHOT_JSON_SCHEMA_PATH}`, import.meta.url));

describe("published JSON Schema", () => {
  it("matches the committed file (regenerate: npx gatehouse schema > public/schemas/gatehouse.snapshot.v1.json)", () => {
    expect(readFileSync(committedPath, "utf8")).toBe(snapshotJsonSchemaText());
  });

  it("closes every object but allows x- keys", () => {
    const schema = generateSnapshotJsonSchema() as any;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.patternProperties).toEqual({ "^x-": {} });
    const login = schema.properties.accounts.items.properties.logins.items;
    expect(login.additionalProperties).toBe(false);
    expect(login.patternProperties).toEqual({ "^x-": {} });
    // input schema: defaulted fields are optional
    expect(login.required).toEqual(["id", "role", "personId", "status"]);
  });

  it("lists the tool catalogue's ids", () => {
    const schema = generateSnapshotJsonSchema() as any;
    const grant = schema.properties.accounts.items.properties.logins.items.properties.permissions.items;
    expect(grant.properties.tool.enum).toEqual(TOOL_IDS);
  });
});
