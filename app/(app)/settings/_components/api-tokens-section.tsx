import Link from "@/components/link";
import { DangerFold } from "@/components/danger-fold";
import { LocalTime } from "@/components/local-time";
import { listApiTokens } from "@/lib/db/api-tokens/tokens";
import { listClients } from "@/lib/db/members";
import type { Scope } from "@/lib/db/scope";
import { formMessages } from "@/lib/i18n/form-messages";
import type { Translate } from "@/lib/i18n/server";
import { revokeApiTokenAction } from "../actions";
import { CreateApiToken } from "./create-api-token";

/** Settings › API tokens (owners and admins): create one (shown once), see when each was last used and from where, revoke. */
export async function ApiTokensSection({ scope, t, locale }: { scope: Scope; t: Translate; locale: string }) {
  const [tokens, clients] = await Promise.all([listApiTokens(scope), listClients(scope)]);
  const now = Date.now();
  return (
    <section aria-labelledby="api-tokens" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="api-tokens">
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <h2 id="api-tokens" className="text-lg font-semibold">{t("apiTokens.title")}</h2>
        <Link href="/api/docs" className="text-sm">{t("apiTokens.docs")}</Link>
      </div>
      <p className="mb-3 text-sm text-slate-600">{t("apiTokens.intro")}</p>
      <CreateApiToken
        clients={clients.map((c) => ({ id: c.id, name: c.name }))}
        labels={{
          name: t("apiTokens.name"), scope: t("apiTokens.scope"), read: t("apiTokens.scope.read"), write: t("apiTokens.scope.write"),
          clients: t("apiTokens.clients"), clientsHint: t("apiTokens.clientsHint"), expiresOn: t("apiTokens.expiresOn"), expiresOnHint: t("apiTokens.expiresOnHint"),
          create: t("apiTokens.create"), pending: t("form.saving"), created: t("apiTokens.created"),
        }}
      />
      <h3 className="mt-4 text-sm font-semibold">{t("apiTokens.list")}</h3>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t("apiTokens.none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {tokens.map((token) => {
            const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now;
            return (
              <li key={token.id} className="py-2 text-sm" data-testid="api-token">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{token.name}</span>
                  <code className="text-xs text-slate-500">{token.prefix}…</code>
                  <span className="rounded bg-slate-100 px-1.5 text-xs">{t(`apiTokens.scope.${token.scope}`)}</span>
                  {token.revokedAt && <span className="rounded bg-red-100 px-1.5 text-xs text-red-900">{t("apiTokens.revoked")}</span>}
                  {!token.revokedAt && expired && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("apiTokens.expired")}</span>}
                </div>
                <p className="mt-0.5 text-xs text-slate-600">
                  {t("apiTokens.clients")}: {token.clients.length ? token.clients.map((c) => c.name).join(", ") : t("apiTokens.allClients")}
                  {" · "}{t("apiTokens.createdAt")} <LocalTime iso={token.createdAt.toISOString()} locale={locale} />{token.createdBy ? ` (${token.createdBy})` : ""}
                  {" · "}{t("apiTokens.expires")} {token.expiresAt ? token.expiresAt.toISOString().slice(0, 10) : t("apiTokens.noExpiry")}
                </p>
                <p className="text-xs text-slate-600" data-testid="api-token-last-used">
                  {t("apiTokens.lastUsed")}: {token.lastUsedAt ? <><LocalTime iso={token.lastUsedAt.toISOString()} locale={locale} /> · {token.lastUsedIp}</> : t("apiTokens.never")}
                </p>
                {!token.revokedAt && (
                  // Revoking asks first, as removing a person or a 2SV method does (decisions 025, 090). An expired
                  // token is revoked too: it still holds its name until then (decision 096).
                  <DangerFold
                    action={revokeApiTokenAction}
                    hidden={{ tokenId: token.id }}
                    messages={formMessages(t, "apiTokens.revokedDone")}
                    summary={t("apiTokens.revoke")}
                    what={t(expired ? "apiTokens.revokeExpiredWhat" : "apiTokens.revokeWhat", { name: token.name })}
                    confirmLabel={t("apiTokens.revokeConfirm", { name: token.name })}
                    className="mt-1"
                    compact
                    testId="api-token-revoker"
                    t={t}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
