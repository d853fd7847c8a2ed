import { z } from "zod";
import { getEvidenceOrThrow } from "@/lib/db/reviews/evidence";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { evidenceCsv, evidenceXlsx } from "@/lib/reviews/evidence";
import { evidencePdf } from "@/lib/reviews/evidence-pdf";
import { routeScope } from "@/lib/routes/route-scope";
import { recordId } from "@/lib/validation/record-fields";

// A campaign's evidence pack (decision 018): XLSX, CSV or PDF, the whole campaign or one client (`client=ID`),
// in the reader's language unless `lang` says otherwise. Only for the campaign's manager; others get 404.
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
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT" }, { status: 422 });
  // A campaign or client id that cannot exist (too long, a control character: PostgreSQL refuses a NUL) is not found.
  const id = recordId.safeParse((await params).id);
  const client = recordId.optional().safeParse(parsed.data.client);
  if (!id.success || !client.success) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  try {
    const { meta, rows } = await getEvidenceOrThrow(scope, id.data, client.data);
    const locale = parsed.data.lang ?? (await getLocale());
    const name = `gatehouse-access-review-${meta.generatedAt.toISOString().slice(0, 10)}`;
    if (parsed.data.format === "csv")
      return new Response(evidenceCsv(rows, meta, locale), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"`, "Cache-Control": "no-store" },
      });
    if (parsed.data.format === "pdf")
      return new Response(Buffer.from(await evidencePdf(rows, meta, locale)), {
        headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"`, "Cache-Control": "no-store" },
      });
    return new Response(Buffer.from(await evidenceXlsx(rows, meta, locale)), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${name}.xlsx"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    throw error;
  }
}
