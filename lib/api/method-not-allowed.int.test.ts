import { describe, expect, it } from "vitest";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[id]/route";
import * as audit from "@/app/api/v1/audit/route";
import * as findings from "@/app/api/v1/findings/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as snapshot from "@/app/api/v1/snapshot/route";
import * as snapshots from "@/app/api/v1/snapshots/route";

// Stop 42, finding 10: GET /api/v1/audit and DELETE /api/v1/accounts answered 405 with an empty body.
const ROUTES = { accounts, account, audit, findings, openapi, snapshot, snapshots } as const;
const ANSWERS: Record<keyof typeof ROUTES, string> = {
  accounts: "GET", account: "GET", audit: "POST", findings: "GET", openapi: "GET", snapshot: "GET", snapshots: "POST",
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

describe("a method an /api/v1 path does not answer", () => {
  it("gets 405, the API's error JSON in the reader's language and an Allow header, on every path, with no token", async () => {
    for (const [name, route] of Object.entries(ROUTES) as [keyof typeof ROUTES, Record<string, unknown>][]) {
      const allowed = ANSWERS[name];
      for (const method of METHODS.filter((m) => m !== allowed)) {
        const handler = route[method] as (request: Request) => Response;
        const answer = handler(new Request(`http://x/api/v1/${name}`, { method, headers: { "accept-language": "ja" } }));
        expect(answer.status, `${method} ${name}`).toBe(405);
        expect(answer.headers.get("allow")).toBe(allowed === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS");
        expect(answer.headers.get("content-type")).toContain("application/json");
        const body = (await answer.json()) as { error: { code: string; message: string; problems?: unknown } };
        expect(body.error.code).toBe("method_not_allowed");
        expect(body.error.message).toContain(`このパスは ${method} を受け付けません`);
        expect(body.error.problems).toBeUndefined();
      }
      const options = (route.OPTIONS as () => Response)();
      expect([options.status, options.headers.get("allow")]).toEqual([204, allowed === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS"]);
    }
  });

  it("says it in English by default", async () => {
    const answer = (audit.GET as (request: Request) => Response)(new Request("http://x/api/v1/audit"));
    expect(await answer.json()).toEqual({ error: { code: "method_not_allowed", message: "This path does not answer GET. Allowed: POST, OPTIONS." } });
  });
});
