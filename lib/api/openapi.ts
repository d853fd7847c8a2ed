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
  not_found:
    "Not in this organisation (another organisation's ids are 404, never 403) or outside the token's clients: the path's record, or the client or account a list's filter names (never an empty list instead).",
  method_not_allowed: "A method this path does not answer; the Allow header names the ones it does.",
  conflict: "A request with the same Idempotency-Key is still being processed.",
  too_large: `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  invalid_request:
    "A query parameter the endpoint does not read (refused, not ignored: `problems` names each as `query.<name>`, with the parameter meant when the name is close to one; nothing is read or written), a query parameter, the cursor or the Idempotency-Key that is not valid, or a key used for a different request.",
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

/**
 * What an endpoint does with query parameters it does not read (decision 075): said in each operation's description,
 * from its query schema, where a script's author reads about the route. The untokened document route reads none and
 * ignores them, so it says nothing.
 */
export function unknownParameterRule(endpoint: Endpoint): string | null {
  if (endpoint.access === "none") return null;
  const known = Object.keys(endpoint.query?.shape ?? {});
  const refused = "is refused with 422 `invalid_request`, not ignored (`problems` names it as `query.<name>`); nothing is read or written.";
  return known.length === 0
    ? `Reads no query parameter: any ${refused}`
    : `Reads only ${known.map((name) => `\`${name}\``).join(", ")} from the query: any other parameter (a misspelt filter, say) ${refused} One of these given twice is refused the same way, not read as its last value.`;
}

/** The operation's description: the endpoint's own prose, then what it does with parameters it does not read. */
export function operationDescription(endpoint: Endpoint): string | undefined {
  const text = [endpoint.description, unknownParameterRule(endpoint)].filter(Boolean).join(" ");
  return text || undefined;
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
      ...(operationDescription(endpoint) ? { description: operationDescription(endpoint) } : {}),
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
        "Read the access-hygiene data of your organisation and post snapshots from scripts. Authenticate with `Authorization: Bearer <token>` (tokens are made in Settings or with `gatehouse token create`). Lists answer `{data, next}`: pass `next` as `cursor` for the following page. A query parameter an endpoint does not read is refused with 422 `invalid_request` naming it, never ignored: a misspelt filter cannot quietly answer everything.",
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
