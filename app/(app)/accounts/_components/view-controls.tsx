"use client";
import { closeOnEscape } from "@/components/close-on-escape";
import Link from "@/components/link";

// The table's column menu and density switch, rendered to HTML by the server as before: the menu is a
// <details> with a plain GET form, so it opens and applies without JavaScript. A client component given
// the columns as [id, label, shown] rather than a server tree of a checkbox and label per column (decision 042).

export interface ViewControlsWords {
  columns: string;
  applyColumns: string;
  density: string;
  comfortable: string;
  compact: string;
}


export function ViewControls({ words: w, keep, columns, density, densityHrefs }: {
  words: ViewControlsWords;
  /** Hidden fields for the state the column menu does not edit (sort, filters, density). */
  keep: [string, string][];
  /** The columns the reader may show, in order: id, label, shown now. */
  columns: [id: string, label: string, shown: boolean][];
  density: "comfortable" | "compact";
  densityHrefs: { comfortable: string; compact: string };
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <details className="relative" onKeyDown={closeOnEscape}>
        <summary className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">{w.columns}</summary>
        <form action="/accounts" className="absolute z-10 mt-1 w-64 space-y-1 rounded border border-slate-200 bg-white p-3 shadow-lg">
          {keep.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <input type="hidden" name="cols" value="none" />
          <fieldset>
            <legend className="sr-only">{w.columns}</legend>
            {columns.map(([id, label, shown]) => (
              <label key={id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="col" value={id} defaultChecked={shown} />
                {label}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="mt-2 rounded bg-blue-700 px-3 py-1 text-sm text-white hover:bg-blue-800">{w.applyColumns}</button>
        </form>
      </details>
      <div role="group" aria-label={w.density} className="flex items-center gap-1 text-sm">
        <span className="text-slate-600">{w.density}:</span>
        {(["comfortable", "compact"] as const).map((d) => (
          <Link key={d} href={densityHrefs[d]} aria-current={density === d ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${density === d ? "bg-slate-200 font-semibold text-slate-900" : ""}`}>
            {w[d]}
          </Link>
        ))}
      </div>
    </div>
  );
}
