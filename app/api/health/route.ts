import { databaseAnswers } from "@/lib/db/health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and the smoke test call it without a session.
export async function GET() {
  const database = await databaseAnswers();
  return Response.json(
    { status: database ? "ok" : "degraded", version: packageJson.version, database: database ? "up" : "down" },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
