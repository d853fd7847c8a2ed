import { notFound } from "next/navigation";
import { requireScope } from "@/lib/auth/scope";
import { isOrgAdmin } from "@/lib/db/scope";
import { listOutbox } from "@/lib/db/outbox";
import { getLocale, getT } from "@/lib/i18n/server";
import { LocalTime } from "@/components/local-time";
import { pageTitle } from "@/lib/i18n/page-title";

/** Development only (no SMTP_URL): mail that would have been sent, readable by owners and admins; invitation links only by their sender (decision 100). */

export const generateMetadata = () => pageTitle("members.outbox");

export default async function OutboxPage() {
  const [scope, t, locale] = await Promise.all([requireScope(), getT(), getLocale()]);
  if (!isOrgAdmin(scope)) notFound();
  const mails = await listOutbox(scope);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("members.outbox")}</h1>
      <p className="text-sm text-slate-600">{t("members.outboxIntro")}</p>
      {mails.length === 0 ? (
        <p className="text-sm text-slate-500">{t("members.outboxEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {mails.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="outbox-mail">
              <div className="font-medium">{m.subject}</div>
              <div className="text-xs text-slate-500">{m.to} · <LocalTime iso={m.createdAt.toISOString()} locale={locale} /></div>
              <pre className="mt-2 whitespace-pre-wrap break-all font-sans">{m.body}</pre>
              {m.hiddenLinks.map((reason) => (
                <p key={reason} className="mt-2 text-xs text-amber-800" data-testid="outbox-link-hidden">{t(`members.outboxLinkHidden.${reason}`)}</p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
