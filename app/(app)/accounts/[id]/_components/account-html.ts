// The account page's static parts as markup (lib/html): the same elements React wrote, each value escaped by
// `html`, rendered once rather than into the flight and again from it as HTML (decision 052). Client components
// (the editors, the finding actions, Links) stay React elements beside these strings, in host elements of their own.
import { dayHtml } from "@/components/day";
import { levelBadgeHtml } from "@/components/level-badge";
import { severityBadgeHtml } from "@/components/severity-badge";
import { sellerIdWorthChecking } from "@/lib/accounts/seller-id-shape";
import { formatDay } from "@/lib/dates-format";
import type { Provenance } from "@/lib/db/accounts/account-provenance";
import type { AccountDetail } from "@/lib/db/accounts/read-accounts";
import { html, type SafeHtml } from "@/lib/html/safe-html";
import type { Locale } from "@/lib/i18n/locales";
import { provenanceText } from "@/lib/i18n/provenance-text";
import type { Translate } from "@/lib/i18n/server";

export type LatestReviews = Map<string, { decision: string; note: string | null; decidedAt: Date; by: string }>;
export interface Tool { id: string; nameEn: string; nameJa: string; group: string }

/** The account's facts, the header's list (`<dl>`). */
export function factsHtml(account: AccountDetail, t: Translate, portal: boolean): SafeHtml {
  // An oddly shaped seller ID is valid (decision 068): a quiet note, nothing more (decision 078).
  const advice = sellerIdWorthChecking(account.sellerId) ? html`<p class="text-xs text-slate-600" data-testid="seller-id-advice">${t("account.sellerIdAdvice")}</p>` : null;
  return html`<dt class="text-slate-500">${t("account.sellerId")}</dt><dd><code>${account.sellerId}</code>${advice}</dd>${
    // In a seller's own portal the client is the seller: no agency word for their own company.
    portal ? null : html`<dt class="text-slate-500">${t("account.client")}</dt><dd>${account.client?.name ?? "—"}</dd>`
  }<dt class="text-slate-500">${t("account.region")}</dt><dd>${account.region} (${account.marketplaces.join(", ")})</dd><dt class="text-slate-500">${t("account.plan")}</dt><dd>${t(`plan.${account.plan}`)}</dd><dt class="text-slate-500">${t("account.status")}</dt><dd>${t(`accountStatus.${account.status}`)}</dd><dt class="text-slate-500">${t("account.lastVerified")}</dt><dd>${formatDay(account.lastVerifiedAt)}</dd>`;
}

export const verifiedText = provenanceText;

/** A login's e-mail, or words saying none is recorded (a snapshot allows null: the address is not known). */
export const loginEmailText = (email: string | null, t: Translate): string => email ?? t("login.noEmail");

/** ProvenanceLine (provenance-line.tsx) as markup, inside a string-written cell. */
export function provenanceLineHtml(provenance: Provenance | undefined, t: Translate): SafeHtml | null {
  if (!provenance) return null;
  return html`<div class="provenance" data-testid="provenance">${t("provenance.line", { source: t(`provenance.${provenance.source}`) })} · ${verifiedText(provenance, t)}</div>`;
}

type Login = AccountDetail["logins"][number];

// A login row's static cells: the person, the 2SV methods (with provenance and device), the latest review.
export function personHtml(login: Login, t: Translate): SafeHtml {
  return html`${login.person.name}${login.person.external ? html`<span class="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-900">${t("person.external")}</span>` : null}${
    login.person.departedAt ? html`<span class="ml-1 rounded bg-red-100 px-1 text-xs text-red-900">${t("person.departed")}</span>` : null
  }${login.usedBy.length > 1 ? html`<div class="text-xs text-slate-500">${t("login.usedBy")}: ${login.usedBy.map((u) => u.person.name).join(", ")}</div>` : null}`;
}

export function twoStepHtml(login: Login, t: Translate, provenance: Map<string, Provenance>): SafeHtml {
  if (login.twoStepMethods.length === 0) return html`<span class="font-medium text-red-700">${t("twoStep.none")}</span>`;
  const items = login.twoStepMethods.map((m) => {
    const device = m.device
      ? html`<div class="text-xs text-slate-500">${t("device.label")}: ${m.device.label}${m.device.holder ? html` · ${t("device.holder")}: ${m.device.holder.name}` : null}${m.device.skipOtpOnBrowser ? html` · ${t("device.skipOtp")}` : null}</div>`
      : null;
    return html`<li data-testid="two-step-method"><span class="font-medium">${t(`twoStepKind.${m.kind}`)}</span>${m.phoneLast4 ? html`<span class="tabular-nums"> ••••${m.phoneLast4}</span>` : null}${
      m.label ? html`<span> · ${m.label}</span>` : null
    }<span class="text-slate-500"> · ${t(`methodRole.${m.role}`)}</span>${provenanceLineHtml(provenance.get(m.id), t)}${device}</li>`;
  });
  return html`<ul class="space-y-1" aria-label="${t("login.twoStep")}">${items}</ul>`;
}

export function reviewHtml(review: NonNullable<ReturnType<LatestReviews["get"]>>, t: Translate): SafeHtml {
  return html`<span class="${review.decision === "KEEP" ? "font-medium text-emerald-800" : "font-medium text-red-800"}">${t(`reviews.decision.${review.decision as "KEEP" | "REDUCE" | "REMOVE"}`)}</span> <span class="text-slate-500">${review.by} · ${dayHtml(review.decidedAt)}</span>${
    review.note ? html`<div class="text-slate-600 [overflow-wrap:anywhere]">“${review.note}”</div>` : null
  }`;
}

/**
 * A login's row of the logins table, every cell (decision 062): the email and where it came from, role, person,
 * status with the triage link, the two dates, the 2SV methods and the latest review with the reviews link. The links
 * are plain anchors, as the accounts table's are (decision 051); the editor is a row of its own under this one.
 */
export function loginRowHtml(login: Login, accountId: string, t: Translate, review: ReturnType<LatestReviews["get"]>, provenance: Map<string, Provenance>): SafeHtml {
  return html`<td class="font-medium">${loginEmailText(login.email, t)}${provenanceLineHtml(provenance.get(login.id), t)}</td><td class="whitespace-nowrap" data-label="${t("login.role")}" data-testid="login-role">${t(`loginRole.${login.role}`)}</td><td data-label="${t("login.person")}">${personHtml(login, t)}</td><td class="whitespace-nowrap" data-label="${t("login.status")}" data-testid="login-status">${t(`loginStatus.${login.status}`)}<div class="text-xs"><a href="/accounts/${accountId}/triage?login=${login.id}" class="text-blue-800 underline" data-testid="login-triage-link">${t("triage.link")}</a></div></td><td data-label="${t("login.lastLogin")}">${dayHtml(login.lastLoginAt)}</td><td data-label="${t("login.passwordChanged")}">${dayHtml(login.passwordChangedAt)}</td><td data-label="${t("login.twoStep")}" data-wide="true" data-testid="login-two-step">${twoStepHtml(login, t, provenance)}</td><td data-label="${t("review.title")}" data-wide="true" data-testid="access-review">${review ? html`<div class="text-xs">${reviewHtml(review, t)}</div>` : null}<a href="/reviews" class="mt-1 inline-block text-xs text-blue-800 underline">${t("reviews.openReviews")}</a></td>`;
}

/** An open finding's head (severity, title, rule id), evidence line and remediation (`<details>`'s content). */
export function findingHeadHtml(f: Pick<AccountDetail["findings"][number], "severity" | "ruleId">, title: string, t: Translate): SafeHtml {
  return html`${severityBadgeHtml(f.severity, t(`severity.${f.severity}`))}<h3 class="font-semibold">${title}</h3><code class="text-xs text-slate-500">${f.ruleId}</code>`;
}

export function findingEvidenceHtml(evidence: string, t: Translate): SafeHtml {
  return html`<span class="font-medium">${t("finding.evidence")}:</span> ${evidence}`;
}

export function remediationHtml(remediation: string | undefined, t: Translate): SafeHtml {
  return html`<summary class="cursor-pointer text-blue-800">${t("finding.remediation")}</summary><p class="mt-1 whitespace-pre-line text-slate-800">${remediation}</p>`;
}

/** An open finding's static parts as one string (decision 063): its head, evidence, remediation (closed) and since when. */
export function findingHtml(f: Pick<AccountDetail["findings"][number], "severity" | "ruleId" | "firstSeenAt">, title: string, evidence: string, remediation: string | undefined, t: Translate): SafeHtml {
  return html`<div class="flex flex-wrap items-center gap-2">${findingHeadHtml(f, title, t)}</div><p class="mt-1 text-slate-700">${findingEvidenceHtml(evidence, t)}</p><details class="mt-2">${remediationHtml(remediation, t)}</details><p class="mt-1 text-xs text-slate-500">${t("finding.firstSeen")}: ${formatDay(f.firstSeenAt)}</p>`;
}

/**
 * The permission matrix's caption, head and body (logins × the tools somebody holds); nothing in it is interactive.
 * Its cells' styles are `.permission-matrix` rules in app/globals.css, not classes on each cell (decision 057).
 */
export function matrixHtml(account: AccountDetail, shown: Tool[], t: Translate, locale: Locale): SafeHtml {
  const head = shown.map((tool) => html`<th scope="col" class="matrix-tool">${locale === "ja" ? tool.nameJa : tool.nameEn}</th>`);
  const rows = account.logins.map((login) => {
    const cells = shown.map((tool) => {
      const grants = login.permissions.filter((p) => p.toolId === tool.id && p.level !== "NONE");
      // The primary user (the account owner) is not granted tools: it holds them all.
      const content =
        login.role === "PRIMARY"
          ? levelBadgeHtml("ADMIN", t("level.primaryAll"))
          : grants.length === 0
            ? levelBadgeHtml("NONE", t("level.NONE"))
            : // The gap on the badge itself, not a wrapping span: the same layout, less markup (decision 057).
              grants.map((g) => levelBadgeHtml(g.level, `${t(`level.${g.level}`)}${g.marketplace ? ` (${g.marketplace})` : ""}`, true));
      return html`<td>${content}</td>`;
    });
    return html`<tr><th scope="row" class="matrix-login">${loginEmailText(login.email, t)}</th>${cells}</tr>`;
  });
  return html`<caption class="sr-only">${t("account.permissions")}</caption><thead><tr><th scope="col" class="sticky left-0 bg-white px-2 py-1">${t("login.email")}</th>${head}</tr></thead><tbody>${rows}</tbody>`;
}
