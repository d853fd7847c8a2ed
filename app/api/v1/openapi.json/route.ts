import { generateOpenApiDocument } from "@/lib/api/openapi";
import packageJson from "@/package.json";
import { refusedMethods } from "@/lib/api/method-not-allowed";

// Public: the document describes the API, it reveals no data. Generated once per process.
let document: string | null = null;

export function GET(): Response {
  document ??= JSON.stringify(generateOpenApiDocument(packageJson.version));
  return new Response(document, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");
