import type { Metadata } from "next";
import Link from "@/components/link";
import { ENDPOINTS, type Endpoint } from "@/lib/api/endpoints";
import { MAX_BODY_BYTES } from "@/lib/api/limits";
import { generateOpenApiDocument } from "@/lib/api/openapi";
import { apiRateLimit } from "@/lib/api/rate-limit";
import { getT } from "@/lib/i18n/server";
import packageJson from "@/package.json";

export const metadata: Metadata = { title: "API · Gatehouse" };

type Json = Record<string, unknown>;
type Operation = { description?: string; parameters?: Json[]; requestBody?: Json; responses: Record<string, { description: string }> };

const METHOD_COLOUR = { GET: "bg-emerald-100 text-emerald-900", POST: "bg-blue-100 text-blue-900" } as const;

/**
 * The API reference, rendered on the server from the generated OpenAPI document: no script at all,
 * nothing from other hosts (the CSP allows neither), readable without a token.
 */
export default async function ApiDocsPage() {
  const t = await getT();
  const document = generateOpenApiDocument(packageJson.version) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };
  const endpoints = Object.values(ENDPOINTS) as Endpoint[];
  const anchor = (e: Endpoint) => e.operationId;
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("apiDocs.title")}</h1>
        <p className="text-sm">
          {t("apiDocs.intro", { openapi: "/api/v1/openapi.json" })} <a href="/api/v1/openapi.json" className="font-mono">openapi.json</a>
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("apiDocs.auth")}</li>
          <li>{t("apiDocs.lists")}</li>
          <li>{t("apiDocs.limits", { limit: apiRateLimit(), mb: MAX_BODY_BYTES / 1024 / 1024 })}</li>
          <li>{t("apiDocs.errors")}</li>
        </ul>
      </header>
      <nav aria-labelledby="endpoints">
        <h2 id="endpoints" className="mb-2 text-lg font-semibold">{t("apiDocs.endpoints")}</h2>
        <ul className="space-y-1 text-sm">
          {endpoints.map((e) => (
            <li key={e.operationId}>
              <Link href={`#${anchor(e)}`} className="font-mono">{e.method} {e.path}</Link> — {e.summary}
            </li>
          ))}
        </ul>
      </nav>
      {endpoints.map((e) => {
        const operation = document.paths[e.path][e.method.toLowerCase()];
        return (
          <section key={e.operationId} id={anchor(e)} aria-labelledby={`${anchor(e)}-title`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="api-endpoint">
            <h2 id={`${anchor(e)}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
              <span className={`rounded px-1.5 font-mono text-xs ${METHOD_COLOUR[e.method]}`}>{e.method}</span>
              <code>{e.path}</code>
            </h2>
            <p className="text-sm font-medium">{e.summary}</p>
            {operation.description && <p className="text-sm text-slate-700" data-testid="api-endpoint-description">{operation.description}</p>}
            <p className="text-xs text-slate-600">{t("apiDocs.scope")}: {e.access === "none" ? t("apiDocs.scope.none") : e.access}</p>
            {operation.parameters && (
              <>
                <h3 className="text-sm font-semibold">{t("apiDocs.parameters")}</h3>
                <table className="w-full text-left text-xs">
                  <tbody>
                    {operation.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                        <td className="py-1 pr-2 font-mono">{String(p.name)}</td>
                        <td className="py-1 pr-2 text-slate-500">{String(p.in)}{p.required ? ` · ${t("apiDocs.required")}` : ""}</td>
                        <td className="py-1 pr-2 font-mono">{JSON.stringify(p.schema)}</td>
                        <td className="py-1">{typeof p.description === "string" ? p.description : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {e.body && <p className="text-sm"><span className="font-semibold">{t("apiDocs.requestBody")}:</span> <a href="#schema-Snapshot">Snapshot</a> (gatehouse.snapshot/v1)</p>}
            <h3 className="text-sm font-semibold">{t("apiDocs.responses")}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {Object.entries(operation.responses).map(([status, response]) => (
                <div key={status} className="contents">
                  <dt className="font-mono">{status}</dt>
                  <dd>{response.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <section aria-labelledby="schemas" className="space-y-2">
        <h2 id="schemas" className="text-lg font-semibold">{t("apiDocs.schemas")}</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="rounded border border-slate-200 bg-white p-2">
            <summary className="cursor-pointer font-mono text-sm">{name}</summary>
            <pre className="mt-2 max-h-96 overflow-auto text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
    </main>
  );
}
