// A separate app process for lib/auth/credentials.int.test.ts: makes N parallel wrong-password attempts
// for one e-mail through the real authorizeCredentials and prints how they ended, as JSON.
import { authorizeCredentials } from "@/lib/auth/credentials";
import { getDb } from "@/lib/db/client";

const [email, count, ipPrefix] = process.argv.slice(2);
const results = await Promise.all(
  Array.from({ length: Number(count) }, async (_, i) => {
    const outcome = await authorizeCredentials({ email, password: `wrong-${i}` }, { meta: { ip: `${ipPrefix}${i + 1}`, userAgent: "child" }, previousSessionId: async () => null });
    return { rate_limited: "refused", refused: "wrong", signed_in: "ok", two_factor_required: "needs code" }[outcome.kind];
  }),
);
await getDb().$disconnect();
console.log(JSON.stringify(results));
