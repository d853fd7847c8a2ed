import { readAccountPageModel } from "@/lib/db/accounts/account-page-model";
import { methodDeviceChoices } from "@/lib/db/accounts/method-devices";
import { AppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { routeScope } from "@/lib/routes/route-scope";
import { accountIdSchema } from "@/lib/validation/accounts";
import { accountEditingOf } from "../_components/account-editing";

const notFound = () => Response.json({ error: "NOT_FOUND" }, { status: 404, headers: { "cache-control": "private, no-store" } });

// The account page's editors, fetched when a writer first reaches for one (decision 063): the page carries only
// their closed summaries. Read now, so the forms carry the version they will be saved against. Another tenant's
// account, one outside a Manager's clients, or any account for a Viewer (who has no editors) is 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const parsed = accountIdSchema.safeParse((await params).id);
  if (!parsed.success) return notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  try {
    const model = await readAccountPageModel(scope, parsed.data, { labels: false, reports: false });
    // The 2SV method form's devices reach past this account (its login holders' other devices): read apart from the
    // page's one statement (decision 047), and only here, for a writer opening an editor.
    const devices = model.editing ? await methodDeviceChoices(scope, parsed.data) : [];
    const editing = accountEditingOf(model, t, locale, scope.clientIds !== null, devices);
    if (!editing) return notFound();
    return Response.json(editing, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
