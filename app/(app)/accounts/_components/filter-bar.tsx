"use client";
import Link from "@/components/link";
import { ClientPicker, type ClientPickerMessages } from "./client-picker";

// The accounts table's filters: a plain GET form (the URL is the table's state, so filtering works without
// JavaScript, a reload shows the same view and the back button returns to the previous one), rendered to
// HTML by the server as before. A client component given compact data (option lists as [value, label]
// pairs, the words built once per locale) rather than a server tree: each server element is rendered,
// written into the flight and read back before it becomes HTML, and the selects of every rule and
// marketplace were dozens of them per request (decision 042).

const FIELD = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const LABEL = "block text-xs font-medium text-slate-700";

export type Options = [value: string, label: string][];

/** The filters' words and fixed option lists: one object per locale (table-controls.tsx). */
export interface FilterBarWords {
  filters: string;
  search: string;
  searchPlaceholder: string;
  searchTooLong: string;
  any: string;
  client: string;
  noClient: string;
  marketplace: string;
  plan: string;
  status: string;
  severity: string;
  rule: string;
  minScore: string;
  maxScore: string;
  scoreRangeInverted: string;
  pageSize: string;
  clearFilters: string;
  plans: Options;
  statuses: Options;
  severities: Options;
  rules: Options;
  pageSizes: Options;
  picker: ClientPickerMessages;
}

/** The filters' current values, as the URL gives them. */
export interface FilterValues {
  q?: string;
  client?: string;
  market?: string;
  plan?: string;
  status?: string;
  severity?: string;
  rule?: string;
  min?: number;
  max?: number;
  pageSize?: string;
}

/** The client filter: a select of the organisation's clients, a search box when there are many, or none in a portal. */
export type ClientFilter = { select: Options } | { picker: { id: string; name: string } | null; noClientValue: string } | null;

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value: string | undefined; options: Options; anyLabel: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className={LABEL}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">{anyLabel}</option>
        {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
    </div>
  );
}

export function FilterBar({ words: w, values, keep, clients, marketplaces, clearHref, searchTooLong, rangeInverted }: {
  words: FilterBarWords;
  values: FilterValues;
  /** Hidden fields for the state this form does not edit (sort, columns, density). */
  keep: [string, string][];
  clients: ClientFilter;
  marketplaces: string[];
  clearHref: string;
  /** The link's search was over the limit and is not applied: said under the box. */
  searchTooLong: boolean;
  /** Minimum above maximum: both fields point at the one message saying why nothing matches. */
  rangeInverted: boolean;
}) {
  const rangeInvalid = rangeInverted ? { "aria-invalid": true, "aria-describedby": "score-range-error" } : {};
  return (
    <form role="search" action="/accounts" aria-label={w.filters} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      {keep.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <div>
        <label htmlFor="q" className={LABEL}>{w.search}</label>
        <input id="q" name="q" type="search" defaultValue={values.q ?? ""} placeholder={w.searchPlaceholder}
          aria-invalid={searchTooLong || undefined} aria-describedby={searchTooLong ? "q-error" : undefined} className={`${FIELD} w-72 aria-invalid:border-red-600`} />
        {searchTooLong && <p id="q-error" role="alert" className="mt-0.5 max-w-72 text-xs text-red-700">{w.searchTooLong.replace("{count}", String(values.q?.trim().length ?? 0))}</p>}
      </div>
      {clients === null ? null : "picker" in clients ? (
        <ClientPicker name="client" noClientValue={clients.noClientValue} selected={clients.picker} messages={w.picker} />
      ) : (
        <Select name="client" label={w.client} value={values.client} anyLabel={w.any} options={clients.select} />
      )}
      <Select name="market" label={w.marketplace} value={values.market} anyLabel={w.any} options={marketplaces.map((m) => [m, m])} />
      <Select name="plan" label={w.plan} value={values.plan} anyLabel={w.any} options={w.plans} />
      <Select name="status" label={w.status} value={values.status} anyLabel={w.any} options={w.statuses} />
      <Select name="severity" label={w.severity} value={values.severity} anyLabel={w.any} options={w.severities} />
      <Select name="rule" label={w.rule} value={values.rule} anyLabel={w.any} options={w.rules} />
      <div>
        <div className="flex items-end gap-3">
          <div>
            <label htmlFor="f-min" className={LABEL}>{w.minScore}</label>
            <input id="f-min" name="min" type="number" min={0} max={100} inputMode="numeric" defaultValue={values.min ?? ""} {...rangeInvalid} className={`${FIELD} w-20 aria-invalid:border-red-600`} />
          </div>
          <div>
            <label htmlFor="f-max" className={LABEL}>{w.maxScore}</label>
            <input id="f-max" name="max" type="number" min={0} max={100} inputMode="numeric" defaultValue={values.max ?? ""} {...rangeInvalid} className={`${FIELD} w-20 aria-invalid:border-red-600`} />
          </div>
        </div>
        {rangeInverted && <p id="score-range-error" role="alert" className="mt-0.5 max-w-56 text-xs text-red-700">{w.scoreRangeInverted}</p>}
      </div>
      <Select name="pageSize" label={w.pageSize} value={values.pageSize} anyLabel="25" options={w.pageSizes} />
      <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white hover:bg-blue-800">{w.search}</button>
      <Link href={clearHref} className="py-1.5 text-sm">{w.clearFilters}</Link>
    </form>
  );
}
