import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireScope } from "@/lib/auth/scope";
import { formatDay } from "@/lib/dates-format";
import { labelsFor } from "@/lib/db/labels";
import { getPersonDetailOrThrow } from "@/lib/db/people/read-people";
import { listHandoverCandidates } from "@/lib/db/offboarding/handover";
import type { EvidenceData } from "@/lib/risk";
import { evidenceIds } from "@/lib/risk/evidence-ja";
import { canWrite, utcToday } from "@/lib/db/write-context";
import { AppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import { personIdSchema } from "@/lib/validation/people";
import { OffboardingSection } from "./_components/offboarding-section";
import { PersonDevices } from "./_components/person-devices";
import { PersonFindings } from "./_components/person-findings";
import { PersonLogins } from "./_components/person-logins";
import { HeldDevices, PersonEditor } from "./_components/person-editor";
import { getPersonEditing, getPersonProvenance } from "@/lib/db/people/person-records";
import { ProvenanceLine } from "../../accounts/[id]/_components/provenance-line";
import { isOrgAdmin } from "@/lib/db/scope";

// Cached for the request: the title and the page read the person once.
const load = cache(async (id: string) => {
  const scope = await requireScope();
  const parsed = personIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return { scope, person: await getPersonDetailOrThrow(scope, parsed.data) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { person } = await load((await params).id);
  return pageTitle("nav.people", person.name);
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ scope, person }, t, locale] = await Promise.all([load(id), getT(), getLocale()]);
  const m = person.metrics;
  // Only a page with an open hand-over to tick asks who could take the login over.
  const handoverAccounts = person.checklist.tasks.filter((task) => task.kind === "PRIMARY_HANDOVER" && !task.doneAt && task.account).map((task) => task.account!.id);
  const candidates = canWrite(scope) && handoverAccounts.length ? await listHandoverCandidates(scope, person.id, handoverAccounts) : [];
  // People and devices are shared by every client's accounts: Owners and Admins edit them.
  const [editing, provenance] = await Promise.all([isOrgAdmin(scope) && !scope.portal ? getPersonEditing(scope, person.id) : null, getPersonProvenance(scope, person.id)]);
  const labels = locale === "ja" ? await labelsFor(scope, [...new Set(person.findings.flatMap((f) => evidenceIds(f.evidenceData as EvidenceData)))]) : new Map<string, string>();
  return (
    <div className="space-y-4">
      <nav aria-label={t("nav.breadcrumb")} className="text-sm"><Link href="/people">{t("nav.people")}</Link> /</nav>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-2xl font-semibold">
          {person.name}
          {person.external && <span className="ml-2 rounded bg-violet-100 px-1.5 align-middle text-sm font-normal text-violet-900">{t("people.external")}</span>}
          {person.departedAt && <span className="ml-2 rounded bg-red-100 px-1.5 align-middle text-sm font-normal text-red-900" data-testid="departed-badge">{t("people.departedOn", { date: formatDay(person.departedAt) })}</span>}
        </h1>
        {provenance && <div className="mt-1"><ProvenanceLine provenance={provenance} t={t} /></div>}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("people.company")}</dt><dd>{person.company ?? "—"}</dd>
          <dt className="text-slate-500">{t("people.email")}</dt><dd>{person.email ?? "—"}</dd>
        </dl>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label={t("people.summary")}>
          <li>{t("people.adminLogins")}: <strong className="tabular-nums">{m.adminLogins}</strong></li>
          <li>{t("people.activeLogins")}: <strong className="tabular-nums">{m.activeLogins}</strong></li>
          <li>{t("people.accounts")}: <strong className="tabular-nums">{m.accounts}</strong></li>
          <li>{t("people.devices")}: <strong className="tabular-nums">{m.devices}</strong></li>
          <li>{t("people.openFindings")}: <strong className="tabular-nums">{m.openFindings}</strong></li>
        </ul>
        {editing && <div className="mt-3"><PersonEditor personId={person.id} editing={editing} t={t} /></div>}
      </header>
      <OffboardingSection person={person} t={t} canWrite={canWrite(scope)} today={utcToday()} candidates={candidates} />
      <PersonFindings person={person} t={t} locale={locale} labels={labels} />
      <PersonLogins person={person} t={t} locale={locale} />
      <PersonDevices person={person} t={t} />
      {editing && <HeldDevices personId={person.id} name={person.name} editing={editing} t={t} />}
    </div>
  );
}
