import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { clientMeta } from "@/lib/auth/client-address";
import { checkSignInAllowed } from "@/lib/db/sign-in";
import { signInSchema } from "@/lib/validation/auth";

export const { GET } = handlers;

/** Direct credential posts get the same limit as the form, as HTTP 429 with Retry-After. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const parsed = signInSchema.safeParse({ email: form?.get("email"), password: form?.get("password") });
    if (parsed.success) {
      const decision = await checkSignInAllowed(parsed.data.email, (await clientMeta()).ip);
      if (!decision.allowed) {
        return Response.json(
          { error: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds },
          { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } },
        );
      }
    }
  }
  return handlers.POST(request);
}
