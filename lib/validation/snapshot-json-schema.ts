import { z } from "zod";
import { snapshotDocumentSchema } from "./snapshot";

/** Where the generated schema is committed (served by the app at /schemas/gatehouse.snapshot.v1.json). */
export const SNAPSHOT_JSON_SCHEMA_PATH = "public/schemas/gatehouse.snapshot.v1.json";

/**
 * The published JSON Schema of the snapshot *input* (defaults make fields optional). zod has no notion of
 * "x-" extension keys, so they are added here as patternProperties on every closed object.
 */
export function generateSnapshotJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(snapshotDocumentSchema, {
    io: "input",
    target: "draft-2020-12",
    override: (ctx) => {
      if (ctx.jsonSchema.additionalProperties === false) ctx.jsonSchema.patternProperties = { "^x-": {} };
    },
  }) as Record<string, unknown>;
}

/** The exact text of the committed file (stable key order, trailing newline). */
export function snapshotJsonSchemaText(): string {
  return `${JSON.stringify(generateSnapshotJsonSchema(), null, 2)}\n`;
}
