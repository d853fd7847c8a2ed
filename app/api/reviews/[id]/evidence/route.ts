import { z } from "zod";
import { getEvidenceOrThrow } from "@/lib/db/reviews/evidence";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { evidenceCsv, evidenceXlsx } from "@/lib/reviews/evidence";
import { evidencePdf } from "@/lib/reviews/evidence-pdf";
import { attachment, evidenceFileName } from "@/lib/reviews/evidence-file-name";
import { refuseFilters } from "@/lib/routes/refuse-filters";
import { routeScope } from "@/lib/routes/route-scope";
import { repeatedParameters, unknownParameters } from "@/lib/validation/ignored-filters";
import { recordId } from "@/lib/validation/record-fields";

// A campaign's evidence pack (decision 018): XLSX, CSV or PDF, the whole campaign or one client (`client=ID`),
// in the reader's language unless `lang` says otherwise. Only for the campaign's manager; others get 404.
// A parameter it does not read is refused and named (422, as the accounts export, decisions 066/067/075, 090):
// `clinet=` must not become the whole campaign; so is one it reads given twice (`client=A&client=B` is not A's pack).
const EVIDENCE_PARAMETERS = ["format", "client", "lang"];
const evidenceQuery = z.object({
  format: z.enum(["xlsx", "csv", "pdf"]).default("xlsx"),
  client: z.string().optional(),
  lang: z.enum(["ja", "en"]).optional(),
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const search = new URL(request.url).searchParams;
  const parsed = evidenceQuery.safeParse({ format: search.get("format") ?? undefined, client: search.get("client") ?? undefined, lang: search.get("lang") ?? undefined });
  const refused = [...unknownParameters(search, new Set(EVIDENCE_PARAMETERS), EVIDENCE_PARAMETERS), ...repeatedParameters(search, EVIDENCE_PARAMETERS)];
  if (refused.length) return refuseFilters(refused, 422);
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT" }, { status: 422 });
  // A campaign or client id that cannot exist (too long, a control character: PostgreSQL refuses a NUL) is not found.
  const id = recordId.safeParse((await params).id);
  const client = recordId.optional().safeParse(parsed.data.client);
  if (!id.success || !client.success) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  try {
    const { meta, rows } = await getEvidenceOrThrow(scope, id.data, client.data);
    const locale = parsed.data.lang ?? (await getLocale());
    const disposition = (extension: string) => attachment(evidenceFileName({ ...meta, locale, extension }));
    if (parsed.data.format === "csv")
      return new Response(evidenceCsv(rows, meta, locale), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition("csv"), "Cache-Control": "no-store" },
      });
    if (parsed.data.format === "pdf")
      return new Response(Buffer.from(await evidencePdf(rows, meta, locale)), {
        headers: { "Content-Type": "application/pdf", "Content-Disposition": disposition("pdf"), "Cache-Control": "no-store" },
      });
    return new Response(Buffer.from(await evidenceXlsx(rows, meta, locale)), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": disposition("xlsx"), "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    throw error;
  }
}
