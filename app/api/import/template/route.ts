import { routeScope } from "@/lib/routes/route-scope";
import { sheetXlsx } from "@/lib/spreadsheets/read-xlsx";
import { loginsTemplateCsv, loginsTemplateRows } from "@/lib/spreadsheets/template";

// The import page's spreadsheet template (one row per login), with Japanese or English headers, as CSV or XLSX.
export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const params = new URL(request.url).searchParams;
  const lang = params.get("lang") === "en" ? "en" : "ja";
  if (params.get("format") === "xlsx")
    return new Response(Buffer.from(await sheetXlsx(loginsTemplateRows(lang))), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="gatehouse-logins-template-${lang}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  return new Response(loginsTemplateCsv(lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gatehouse-logins-template-${lang}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
