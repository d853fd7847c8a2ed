import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import type { Translate } from "@/lib/i18n/server";
import { formatDay } from "@/lib/dates-format";
import { enumLabel } from "@/lib/i18n/enum-label";
import { AddChild, EditChild } from "./child-editor-panel";
import { Empty, Section } from "./section";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import { ProvenanceLine } from "./provenance-line";

/** Where each entry came from, shown beside it (typed in, imported …, verified on … by …). */
type Sources = Map<string, Provenance> | undefined;

export function AppsSection({ account, t, editing, sources }: { account: AccountDetail; t: Translate; editing: boolean; sources?: Sources }) {
  return (
    <Section id="apps" title={t("account.apps")}>
      {account.apps.length === 0 ? (
        <Empty>{t("account.noApps")}</Empty>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {account.apps.map((app) => (
            <li key={app.id} className="py-2" data-testid="app-authorization">
              <span className="font-medium">{app.appName}</span> <span className="text-slate-500">({app.developer})</span>
              <div className="text-xs text-slate-600">
                {t("app.authorizedAt")}: {formatDay(app.authorizedAt)} · {t("app.expiresAt")}: {formatDay(app.expiresAt)}
                {app.roles.length > 0 && <> · {t("app.roles")}: {app.roles.join(", ")}</>}
              </div>
              {sources?.get(app.id) && <ProvenanceLine provenance={sources.get(app.id)!} t={t} />}
              {editing && <EditChild kind="app" id={app.id} />}
            </li>
          ))}
        </ul>
      )}
      {editing && <AddChild kind="app" />}
    </Section>
  );
}

export function PartnersSection({ account, t, editing, sources }: { account: AccountDetail; t: Translate; editing: boolean; sources?: Sources }) {
  return (
    <Section id="partners" title={t("account.partners")}>
      {account.partners.length === 0 ? (
        <Empty>{t("account.noPartners")}</Empty>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {account.partners.map((p) => (
            <li key={p.id} className="py-2">
              <span className="font-medium">{p.company}</span>
              <div className="text-xs text-slate-600">
                {t("partner.linkSentAt")}: {formatDay(p.linkSentAt)} · {p.acceptedAt ? `${t("partner.acceptedAt")}: ${formatDay(p.acceptedAt)}` : t("partner.pending")}
              </div>
              {sources?.get(p.id) && <ProvenanceLine provenance={sources.get(p.id)!} t={t} />}
              {editing && <EditChild kind="partner" id={p.id} />}
            </li>
          ))}
        </ul>
      )}
      {editing && <AddChild kind="partner" />}
    </Section>
  );
}

export function OtherAccessSection({ account, t, editing, sources }: { account: AccountDetail; t: Translate; editing: boolean; sources?: Sources }) {
  return (
    <Section id="other-access" title={t("account.otherAccess")}>
      {account.otherAccess.length === 0 ? (
        <Empty>{t("account.noOtherAccess")}</Empty>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {account.otherAccess.map((o) => (
            <li key={o.id} className="py-2">
              {o.person.name} · {t(`console.${o.console}`)} · {enumLabel(t, "otherRole", o.role)}
              {sources?.get(o.id) && <ProvenanceLine provenance={sources.get(o.id)!} t={t} />}
              {editing && <EditChild kind="otherAccess" id={o.id} />}
            </li>
          ))}
        </ul>
      )}
      {editing && <AddChild kind="otherAccess" />}
    </Section>
  );
}
