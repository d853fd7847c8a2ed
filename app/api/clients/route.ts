import { z } from "zod";
import { getScope } from "@/lib/auth/scope";
import { matchClients } from "@/lib/client-search";
import { listAccountFilterOptions } from "@/lib/db/accounts";

const querySchema = z.object({ q: z.string().max(100).default("") });

// The accounts table's client search box: clients in the caller's scope whose name contains `q`.
// Served from the same per-scope filter choices the table page reads (no statement of its own most of the time).
export async function GET(request: Request): Promise<Response> {
  const scope = await getScope();
  if (!scope) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT", message: "q must be at most 100 characters" }, { status: 400 });
  const { clients } = await listAccountFilterOptions(scope);
  return Response.json({ clients: matchClients(clients, parsed.data.q) }, { headers: { "cache-control": "private, no-store" } });
}
