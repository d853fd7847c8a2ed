import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireScope } from "@/lib/auth/scope";
import { formatDay } from "@/lib/dates-format";
import { readPersonPageModel } from "@/lib/db/people/person-page-model";
import { utcToday } from "@/lib/days";
import { AppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import { personIdSchema } from "@/lib/validation/people";
import { OffboardingSection } from "./_components/offboarding-section";
import { PersonDevices } from "./_components/person-devices";
import { PersonFindings } from "./_components/person-findings";
import { PersonLogins } from "./_components/person-logins";
import { HeldDevices, PersonEditor } from "./_components/person-editor";
import { ProvenanceLine } from "../../accounts/[id]/_components/provenance-line";

// Cached for the request: the title and the page read the person once.
const load = cache(async (id: string) => {
  const scope = await requireScope();
  const parsed = personIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return { scope, ...(await readPersonPageModel(scope, parsed.data, { labels: (await getLocale()) === "ja" })) };
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
  const [{ person, provenance, editing, writable, candidates, labels }, t, locale] = await Promise.all([load(id), getT(), getLocale()]);
  const m = person.metrics;
  return (
    <div className="space-y-4">
      <nav aria-label={t("nav.breadcrumb")} className="text-sm"><Link href="/people">{t("nav.people")}</Link> /</nav>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-2xl font-semibold">
          {person.name}
          {person.external && <span className="ml-2 rounded bg-violet-100 px-1.5 align-middle text-sm font-normal text-violet-900">{t("people.external")}</span>}
          {person.departedAt && <span className="ml-2 rounded bg-red-100 px-1.5 align-middle text-sm font-normal text-red-900" data-testid="departed-badge">{t("people.departedOn", { date: formatDay(person.departedAt) })}</span>}
        </h1>
        <div className="mt-1"><ProvenanceLine provenance={provenance} t={t} /></div>
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
      <OffboardingSection person={person} t={t} canWrite={writable} today={utcToday()} candidates={candidates} />
      <PersonFindings person={person} t={t} locale={locale} labels={labels} />
      <PersonLogins person={person} t={t} locale={locale} />
      <PersonDevices person={person} t={t} />
      {editing && <HeldDevices personId={person.id} name={person.name} editing={editing} t={t} />}
    </div>
  );
}
