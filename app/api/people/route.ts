import { searchPeople } from "@/lib/db/people/person-search";
import { routeScope } from "@/lib/routes/route-scope";
import { personSearchSchema } from "@/lib/validation/people";

// The edit forms' person picker (a combobox asking as the user types): people in the caller's scope
// whose name, company or e-mail contains `q`. A GET, like /api/clients; in the route matrix.
export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const parsed = personSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT", message: "q must be one line of at most 100 characters" }, { status: 400 });
  return Response.json({ people: await searchPeople(scope, parsed.data.q) }, { headers: { "cache-control": "private, no-store" } });
}
