import { z } from "zod";
import { generateSnapshotJsonSchema } from "../validation/snapshot-json-schema";
import { API_COMPONENT_SCHEMAS } from "../validation/api";
import { API_ERROR_STATUS, type ApiErrorCode } from "./errors";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { IDEMPOTENCY_HEADER_DESCRIPTION, MAX_BODY_BYTES } from "./limits";

// The OpenAPI 3.1 document of /api/v1, generated from the endpoint catalogue and its zod schemas
// (zod 4's JSON Schema output is JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). Nothing here is
// written by hand but the prose.

type Json = Record<string, unknown>;
const REF = (id: string) => `#/components/schemas/${id}`;

/** The named zod schemas as OpenAPI components, referring to each other by $ref. */
function collectComponents(schemas: z.ZodType[]): Json {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<string>();
  const visit = (schema: z.ZodType) => {
    const id = (schema.meta() as { id?: string } | undefined)?.id;
    if (id && !seen.has(id)) {
      seen.add(id);
      registry.add(schema, { id });
    }
  };
  schemas.forEach(visit);
  const { schemas: out } = z.toJSONSchema(registry, { target: "draft-2020-12", io: "output", uri: REF }) as { schemas: Record<string, Json> };
  // Components are embedded in the document: the dialect is the document's, and an $id with a
  // fragment is not allowed in JSON Schema 2020-12.
  for (const schema of Object.values(out)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return out;
}

function inline(schema: z.ZodType, io: "input" | "output"): Json {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, reused: "inline" }) as Json;
  delete json.$schema;
  return json;
}

function parameters(endpoint: Endpoint): Json[] {
  const out: Json[] = [];
  for (const [where, object] of [["path", endpoint.params], ["query", endpoint.query]] as const) {
    if (!object) continue;
    const json = inline(object, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (endpoint.method === "POST") out.push({ name: "Idempotency-Key", in: "header", required: false, description: IDEMPOTENCY_HEADER_DESCRIPTION, schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" } });
  return out;
}

const ERROR_TEXT: Record<ApiErrorCode, string> = {
  unauthorized: "No token, or an unknown, revoked or expired one.",
  forbidden: "A read token on a write endpoint, or a client outside the token's restriction.",
  not_found: "Not in this organisation (another organisation's ids are 404, never 403) or outside the token's clients.",
  conflict: "A request with the same Idempotency-Key is still being processed.",
  too_large: `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  invalid_request: "A query parameter, the cursor or the Idempotency-Key is not valid, or the key was used for a different request.",
  invalid_snapshot: "The body is not a valid gatehouse.snapshot/v1 document; problems name each JSON path. Nothing is written.",
  rate_limited: "Too many requests for this token; retry after Retry-After seconds.",
};

function responses(endpoint: Endpoint): Json {
  const ok =
    endpoint.response === "snapshot" ? { $ref: REF("Snapshot") } : endpoint.response === "openapi" ? { type: "object" } : { $ref: REF((endpoint.response.meta() as { id: string }).id) };
  const out: Json = { "200": { description: "OK", content: { "application/json": { schema: ok } } } };
  const codes: ApiErrorCode[] = endpoint.access === "none" ? [] : ["unauthorized", "rate_limited", ...endpoint.errors];
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) byStatus.set(API_ERROR_STATUS[code], [...(byStatus.get(API_ERROR_STATUS[code]) ?? []), code]);
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${ERROR_TEXT[c]}`).join(" "),
      ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds until the token's window ends.", schema: { type: "integer" } } } } : {}),
      content: { "application/json": { schema: { $ref: REF("Error") } } },
    };
  }
  return out;
}

export function generateOpenApiDocument(version: string): Json {
  const endpoints = Object.values(ENDPOINTS) as Endpoint[];
  const snapshot = generateSnapshotJsonSchema();
  delete snapshot.$schema;
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) {
    const operation: Json = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: [endpoint.access === "none" ? "meta" : endpoint.access],
      security: endpoint.access === "none" ? [] : [{ bearer: [endpoint.access] }],
      ...(parameters(endpoint).length ? { parameters: parameters(endpoint) } : {}),
      ...(endpoint.body === "snapshot" ? { requestBody: { required: true, content: { "application/json": { schema: { $ref: REF("Snapshot") } } } } } : {}),
      responses: responses(endpoint),
    };
    paths[endpoint.path] = { ...(paths[endpoint.path] ?? {}), [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version,
      description:
        "Read the access-hygiene data of your organisation and post snapshots from scripts. Authenticate with `Authorization: Bearer <token>` (tokens are made in Settings or with `gatehouse token create`). Lists answer `{data, next}`: pass `next` as `cursor` for the following page.",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "read", description: "Needs a read or write token." },
      { name: "write", description: "Needs a write token." },
      { name: "meta", description: "Needs no token." },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token (gh_…)." } },
      schemas: { ...collectComponents(API_COMPONENT_SCHEMAS), Snapshot: snapshot },
    },
  };
}
