import { encodeCsv } from "@/lib/csv";
import { routeScope } from "@/lib/routes/route-scope";
import { workbookXlsx } from "@/lib/spreadsheets/read-xlsx";
import { SHEET_KINDS } from "@/lib/spreadsheets/sheet-kinds";
import { loginsTemplateCsv, workbookTemplate } from "@/lib/spreadsheets/template";
import { z } from "zod";

// The import page's templates, with Japanese or English headers: the bulk workbook (.xlsx, one sheet per
// kind), or one kind as CSV (`kind=`, default logins: one row per login, as before workbooks).
const templateQuery = z.object({
  lang: z.enum(["ja", "en"]).catch("ja"),
  format: z.enum(["csv", "xlsx"]).catch("csv"),
  kind: z.enum(SHEET_KINDS as [string, ...string[]]).optional().catch(undefined),
});

export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const params = new URL(request.url).searchParams;
  const { lang, format, kind } = templateQuery.parse({ lang: params.get("lang") ?? undefined, format: params.get("format") ?? undefined, kind: params.get("kind") ?? undefined });
  if (format === "xlsx")
    return new Response(Buffer.from(await workbookXlsx(workbookTemplate(lang))), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="gatehouse-template-${lang}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  const body = kind && kind !== "logins" ? `\uFEFF${encodeCsv(workbookTemplate(lang).find((s) => s.kind === kind)!.rows)}` : loginsTemplateCsv(lang);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gatehouse-${kind ?? "logins"}-template-${lang}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
