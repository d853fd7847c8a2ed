import { getReportFileOrThrow } from "@/lib/db/reports/report-records";
import { AppError } from "@/lib/errors";
import { CONTENT_TYPES } from "@/lib/reports/render";
import { routeScope } from "@/lib/routes/route-scope";
import { reportIdSchema } from "@/lib/validation/reports";

// A kept report, downloaded again exactly as produced (its SHA-256 in a header to check against the
// list). Same rule as the client page: another tenant's report, or a caller who may not see reports → 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const id = reportIdSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  try {
    const report = await getReportFileOrThrow(scope, id.data);
    const { type, extension } = CONTENT_TYPES[report.format];
    const name = `${report.title}-${report.createdAt.toISOString().slice(0, 10)}-${report.locale}.${extension}`;
    const ascii = name.replace(/[^\w.-]+/g, "_");
    return new Response(new Uint8Array(report.content), {
      headers: {
        "Content-Type": type,
        // A Japanese client name survives as filename*; older clients get the ASCII form.
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
        "X-Content-SHA256": report.sha256,
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    throw error;
  }
}
