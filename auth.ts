import NextAuth, { CredentialsSignin, type DefaultSession, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createAuthLogger } from "@/lib/auth/auth-logger";
import { clientMeta } from "@/lib/auth/client-address";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { revokeSession, rotateUserSession } from "@/lib/db/sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/** Right password, second factor still needed: the form asks for the code. */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor_required";
}

// Credentials sign-in requires JWT sessions in Auth.js; each JWT names a server-side UserSession row
// (lib/db/sessions.ts) so sessions can be listed and revoked, with idle and absolute timeouts.
/** Why a session may be rotated; anything else a client sends with an update is recorded as "requested". */
export const ROTATION_REASONS = ["password_changed", "two_factor_changed", "organisation_switched"] as const;

/**
 * Exported for lib/auth/session-token.ts, which reads the session cookie with the same secret and cookie
 * name. NextAuth() fills in `secret` (AUTH_SECRET) and `basePath` on this very object when it starts.
 */
export const authConfig: NextAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  // A wrong password is an answer, not a fault: one line, not a stack trace per attempt.
  logger: createAuthLogger(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw) {
        const outcome = await authorizeCredentials(raw, {
          meta: await clientMeta(),
          previousSessionId: async () => (await auth().catch(() => null))?.sid ?? null,
        });
        if (outcome.kind === "rate_limited") throw new RateLimitedSignIn();
        if (outcome.kind === "two_factor_required") throw new TwoFactorRequired();
        return outcome.kind === "signed_in" ? outcome.user : null;
      },
    }),
  ],
  events: {
    // Every way out through Auth.js (its POST /api/auth/signout, or signOut() from the app's own button)
    // ends the server-side session, so a copied cookie is worthless afterwards.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") await revokeSession(token.sid, "signed_out", typeof token.uid === "string" ? token.uid : undefined);
    },
  },
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      // Rotation at a privilege change: a new server-side session and a new token; the old one is revoked.
      // An update can also come from the browser, so the only thing it can ask for is a rotation of its own session.
      const rotate = (session as { rotate?: unknown } | undefined)?.rotate;
      if (trigger === "update" && rotate && typeof token.sid === "string" && typeof token.uid === "string") {
        const reason = (ROTATION_REASONS as readonly unknown[]).includes(rotate) ? String(rotate) : "requested";
        const next = await rotateUserSession(token.sid, token.uid, reason);
        if (next) token.sid = next;
      }
      return token;
    },
    // lib/auth/session-token.ts reads the same two claims for pages and actions: keep them in step.
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(authConfig);
