// The person page's static sections (its logins, the findings about the person, the devices that carry others'
// 2SV) as one string of markup each: rendered once per request, not into the flight and again from it (the
// technique of lib/html/safe-html.ts; measured for this page in decision 053). Nothing here is interactive: the account
// links are plain `<a>`, as the accounts table's and the people list's rows (decision 033). The markup is what the
// React components wrote, but for React's `<!-- -->` text separators.
import { dayHtml } from "@/components/day";
import { levelBadgeHtml } from "@/components/level-badge";
import { severityBadgeHtml } from "@/components/severity-badge";
import { tableHeadHtml } from "@/components/table-head";
import { html, type SafeHtml } from "@/lib/html/safe-html";
import type { PersonDetail } from "@/lib/db/people/read-people";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import { ruleTitle } from "@/lib/risk";
import { evidenceText } from "@/lib/risk/evidence-en";

type Login = PersonDetail["logins"][number];

function levelsHtml(login: Login, t: Translate, locale: Locale): SafeHtml {
  if (login.role === "PRIMARY") return levelBadgeHtml("ADMIN", t("people.primaryAllTools"));
  if (login.permissions.length === 0) return levelBadgeHtml("NONE", t("level.NONE"));
  return html`<ul class="flex flex-wrap gap-1">${login.permissions.map(
    (p) => html`<li>${levelBadgeHtml(p.level, `${locale === "ja" ? p.tool.nameJa : p.tool.nameEn}: ${t(`level.${p.level}`)}${p.marketplace ? ` (${p.marketplace})` : ""}`)}</li>`,
  )}</ul>`;
}

/** Every login the person owns or uses, one `<tbody>` per account (its name, a row header), with the levels. */
export function personLoginsTableHtml(person: Pick<PersonDetail, "id" | "logins">, t: Translate, locale: Locale): SafeHtml {
  const byAccount = new Map<string, { account: Login["account"]; logins: Login[] }>();
  for (const login of person.logins) {
    const group = byAccount.get(login.account.id) ?? { account: login.account, logins: [] };
    group.logins.push(login);
    byAccount.set(login.account.id, group);
  }
  // The cards' labels on a phone (globals.css, .stack-table): one lookup each, not one per row.
  const role = t("login.role");
  const holds = t("people.holds");
  const status = t("login.status");
  const lastLogin = t("login.lastLogin");
  const levels = t("people.levels");
  const bodies = [...byAccount.values()].map(
    ({ account, logins }) =>
      html`<tbody data-testid="person-account"><tr class="border-t border-slate-200 bg-slate-50"><th scope="rowgroup" colSpan="6" class="px-2 py-1.5 font-semibold"><a href="/accounts/${account.id}">${account.storeName}</a>${
        account.sellerId ? html`<code class="ml-2 text-xs font-normal text-slate-500">${account.sellerId}</code>` : null
      }</th></tr>${logins.map(
        (login) =>
          html`<tr class="border-t border-slate-100 align-top" data-testid="person-login"><td class="px-2 py-2 font-medium">${login.email ?? "—"}</td><td class="whitespace-nowrap px-2 py-2" data-label="${role}" data-testid="login-role">${t(`loginRole.${login.role}`)}</td><td class="px-2 py-2" data-label="${holds}">${
            login.personId === person.id ? t("people.owns") : t("people.uses", { owner: login.person.name })
          }</td><td class="whitespace-nowrap px-2 py-2" data-label="${status}" data-testid="login-status">${t(`loginStatus.${login.status}`)}</td><td class="px-2 py-2" data-label="${lastLogin}">${dayHtml(
            login.lastLoginAt,
          )}</td><td class="px-2 py-2" data-label="${levels}" data-wide="true">${levelsHtml(login, t, locale)}</td></tr>`,
      )}</tbody>`,
  );
  return html`<table class="stack-table w-full text-left text-sm"><caption class="sr-only">${t("people.logins")}</caption>${tableHeadHtml([
    t("login.email"),
    role,
    holds,
    status,
    lastLogin,
    levels,
  ])}${bodies}</table>`;
}


/** The open findings' list items: severity, rule, account (linked to its findings) and the evidence. */
export function personFindingsHtml(findings: PersonDetail["findings"], t: Translate, locale: Locale, labels: Map<string, string>): SafeHtml {
  const evidence = (f: PersonDetail["findings"][number]) =>
    evidenceText(locale, f, (id) => labels.get(id) ?? id);
  return html`${findings.map(
    (f) =>
      html`<li class="rounded border border-slate-200 p-2" data-testid="person-finding" data-rule="${f.ruleId}">${severityBadgeHtml(f.severity, t(`severity.${f.severity}`))} <span class="font-medium">${
        ruleTitle(f.ruleId, locale)
      }</span> <code class="text-xs text-slate-500">${f.ruleId}</code> · <a href="/accounts/${f.account.id}#findings">${f.account.storeName}</a><p class="mt-1 text-xs text-slate-700">${evidence(f)}</p></li>`,
  )}`;
}

/** The devices that receive other people's 2SV codes, each with the logins it carries. */
export function personDevicesHtml(devices: PersonDetail["devices"], t: Translate): SafeHtml {
  return html`${devices.map(
    (device) =>
      html`<li class="rounded border border-slate-200 p-3" data-testid="person-device"><div class="font-medium">${device.label ?? t(`people.deviceKind.${device.kind}`)} <span class="text-xs font-normal text-slate-500">(${t(
        `people.deviceKind.${device.kind}`,
      )})</span>${device.skipOtpOnBrowser ? html`<span class="ml-2 text-xs font-normal text-amber-800">${t("device.skipOtp")}</span>` : null}</div><p class="mt-1 text-xs text-slate-600">${t(
        "people.carriesFor",
      )}</p><ul class="mt-1 space-y-0.5">${device.othersLogins.map(
        (m) =>
          html`<li>${m.login.person.name} · ${m.login.email ?? "—"} · <a href="/accounts/${m.login.account.id}">${m.login.account.storeName}</a><span class="text-slate-500"> · ${t(
            `twoStepKind.${m.kind}`,
          )} · ${t(`methodRole.${m.role}`)} · ${t(`loginStatus.${m.login.status}`)}</span></li>`,
      )}</ul></li>`,
  )}`;
}
