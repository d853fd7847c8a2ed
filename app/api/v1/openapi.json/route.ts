import { generateOpenApiDocument } from "@/lib/api/openapi";
import packageJson from "@/package.json";

// Public: the document describes the API, it reveals no data. Generated once per process.
let document: string | null = null;

export function GET(): Response {
  document ??= JSON.stringify(generateOpenApiDocument(packageJson.version));
  return new Response(document, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
