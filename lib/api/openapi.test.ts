import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import packageJson from "@/package.json";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { generateOpenApiDocument } from "./openapi";

// The document is generated from the zod schemas; these tests hold it to the OpenAPI 3.1 schema and
// to the route handlers that exist: a route.ts under app/api/v1 missing from it fails here.

const V1 = join(process.cwd(), "app/api/v1");

/** Every handler under app/api/v1 as "METHOD /api/v1/path/{param}", from the files themselves. */
function routeHandlers(dir = V1): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeHandlers(full);
    if (name !== "route.ts") return [];
    const path = `/api/v1/${relative(V1, dir)}`.replace(/\/$/, "").replace(/\[([^\]]+)\]/g, "{$1}");
    // A method bound to the 405 refusal (decision 084) is no operation of the path.
    const methods = [...readFileSync(full, "utf8").matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b(?! = notAllowed;)/gm)].map((m) => m[1]);
    return methods.map((method) => `${method} ${path}`);
  });
}

describe("the OpenAPI document", () => {
  const document = generateOpenApiDocument(packageJson.version) as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route handler under /api/v1, and nothing that is not one", () => {
    const handlers = routeHandlers().sort();
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(handlers.length).toBeGreaterThanOrEqual(7);
    expect(documented).toEqual(handlers);
  });

  it("documents the pinned errors: 401, 429 and 422 (an unknown query parameter) on every token route, 403 on write routes", () => {
    for (const endpoint of Object.values(ENDPOINTS)) {
      const responses = (document.paths[endpoint.path][endpoint.method.toLowerCase()] as { responses: Record<string, unknown> }).responses;
      if (endpoint.access === "none") expect(Object.keys(responses)).toEqual(["200"]);
      else expect(Object.keys(responses), endpoint.path).toEqual(expect.arrayContaining(["200", "401", "422", "429"]));
      if (endpoint.access === "write") expect(responses).toHaveProperty("403");
    }
  });

  it("says on every token route which query parameters it reads, and that any other is refused with 422, not ignored (decision 075)", () => {
    type Operation = { description?: string; parameters?: { name: string; in: string }[]; responses: Record<string, { description: string }> };
    for (const endpoint of Object.values(ENDPOINTS) as Endpoint[]) {
      const operation = document.paths[endpoint.path][endpoint.method.toLowerCase()] as Operation;
      if (endpoint.access === "none") {
        expect(operation.description ?? "").not.toContain("refused");
        continue;
      }
      const description = operation.description ?? "";
      expect(description, endpoint.path).toContain("is refused with 422 `invalid_request`, not ignored (`problems` names it as `query.<name>`)");
      // The endpoint's own prose comes first, unchanged.
      if (endpoint.description) expect(description.startsWith(`${endpoint.description} `)).toBe(true);
      // The names it says it reads are the query parameters the document lists for it, and what the wrapper accepts.
      const documented = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name).sort();
      expect(documented).toEqual(Object.keys(endpoint.query?.shape ?? {}).sort());
      const said = /Reads only (.*?) from the query/.exec(description)?.[1];
      if (documented.length === 0) expect(description).toContain("Reads no query parameter: any is refused");
      else expect([...said!.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort()).toEqual(documented);
      expect(operation.responses["422"].description).toContain("A query parameter the endpoint does not read (refused, not ignored");
    }
    expect(document.paths["/api/v1/findings"].get).toMatchObject({ description: expect.stringContaining("Reads only `limit`, `cursor`, `status`, `severity`, `account` from the query: any other parameter (a misspelt filter, say) is refused") });
    expect((document as unknown as { info: { description: string } }).info.description).toContain("A query parameter an endpoint does not read is refused with 422 `invalid_request`");
  });

  it("documents 404 not_found on the lists whose filter names a client or an account the token cannot reach (decision 093)", () => {
    type Operation = { description: string; parameters: { name: string; description?: string }[]; responses: Record<string, { description: string }> };
    for (const [path, filter] of [["/api/v1/accounts", "client"], ["/api/v1/findings", "account"]] as const) {
      const operation = document.paths[path].get as Operation;
      expect(operation.responses["404"]?.description, path).toContain("the client or account a list's filter names (never an empty list instead)");
      expect(operation.description, path).toContain(`\`${filter}\` that names no`);
      expect(operation.description, path).toContain("is 404 `not_found`, never an empty list");
      expect(operation.parameters.find((p) => p.name === filter)?.description, path).toContain("404 `not_found`");
    }
  });

  it("is generated, not written: a schema's field appears in the document", () => {
    const text = JSON.stringify(document);
    for (const field of ['"storeName"', '"next"', '"problems"', '"remediation"', '"gatehouse.snapshot/v1"']) expect(text).toContain(field);
  });
});
