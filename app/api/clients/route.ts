import { matchClients } from "@/lib/client-search";
import { listAccountFilterOptions } from "@/lib/db/accounts/read-accounts";
import { listClientChoices } from "@/lib/db/clients/client-records";
import { routeScope } from "@/lib/routes/route-scope";
import { clientSearchSchema } from "@/lib/validation/clients";

// The accounts table's client search box (a GET the combobox calls as the user types; see
// docs/decisions/008): clients in the caller's scope whose name contains `q`, from the same per-scope
// filter choices the table page reads (no statement of its own while they are cached). With `all=1`, every
// client in scope, read now: the account form's client select fetches them when opened (decision 034, stop 28).
export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const parsed = clientSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT", message: "q must be at most 100 characters, all only 1" }, { status: 400 });
  if (parsed.data.all) return Response.json({ clients: await listClientChoices(scope) }, { headers: { "cache-control": "private, no-store" } });
  const { clients } = await listAccountFilterOptions(scope);
  return Response.json({ clients: matchClients(clients, parsed.data.q) }, { headers: { "cache-control": "private, no-store" } });
}
