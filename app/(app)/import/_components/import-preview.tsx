"use client";
import type { ChildPreview } from "@/lib/snapshots/preview";
import type { ImportState } from "../actions";
import type { SnapshotImportMessages } from "./import-form";

type M = (key: keyof SnapshotImportMessages, vars?: Record<string, string | number>) => string;

const SHOWN = 200;

/** The dry run's answer and the confirmation: nothing is written until "Import this". */
/** `keptNote`: for a spreadsheet, which parts of each account it lists (the rest stays as stored). */
export function ImportPreview({ state, action, pending, m, keptNote }: { state: ImportState; action: (formData: FormData) => void; pending: boolean; m: M; keptNote?: string | null }) {
  const preview = state.preview!;
  const { summary } = preview;
  const changed = preview.accounts.filter((a) => a.status !== "unchanged");
  const noChanges =
    summary.accounts.created + summary.accounts.updated + summary.people.created + summary.people.updated + summary.devices.created + summary.devices.updated === 0;
  const removed = summary.removed.logins + summary.removed.partners + summary.removed.apps;
  const keepApart = new Set(state.keepApart ?? []);
  const child = (what: keyof SnapshotImportMessages, c: ChildPreview) =>
    c.created.length + c.updated.length + c.removed.length > 0
      ? m("snapshotImport.childChanges", { what: m(what), created: c.created.length, updated: c.updated.length, removed: c.removed.length })
      : null;
  return (
    <form action={action} className="space-y-4" data-testid="import-preview">
      <h2 tabIndex={-1} data-answer className="text-lg font-semibold">{m("snapshotImport.previewTitle")}</h2>
      {state.changedSincePreview && <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{m("snapshotImport.changedSincePreview")}</p>}
      {keptNote && <p className="text-xs text-slate-600" data-testid="import-listed">{keptNote}</p>}
      {noChanges ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="import-no-changes">{m("snapshotImport.noChanges")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="import-summary">
          <li>{m("snapshotImport.accounts", summary.accounts)}</li>
          {removed > 0 && <li className="text-red-800">{m("snapshotImport.removed", summary.removed)}</li>}
          <li>{m("snapshotImport.people", summary.people)}</li>
          <li>{m("snapshotImport.devices", summary.devices)}</li>
          {preview.client?.created && <li>{m("snapshotImport.newClient", { name: preview.client.name })}</li>}
        </ul>
      )}
      {changed.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold">{m("snapshotImport.changedAccounts")}</h3>
          <ul tabIndex={0} aria-label={m("snapshotImport.changedAccounts")} className="mt-1 max-h-96 space-y-1 overflow-y-auto text-sm" data-testid="import-changed-accounts">
            {changed.slice(0, SHOWN).map((a) => (
              <li key={a.index} className="rounded border border-slate-200 px-2 py-1">
                <span className={a.status === "created" ? "font-medium text-emerald-800" : "font-medium text-blue-800"}>{m(`snapshotImport.status.${a.status}`)}</span>{" "}
                <span className="font-medium">{a.storeName}</span> <span className="font-mono text-xs text-slate-500">{a.id}</span>
                {a.matchedBy === "sellerId" && <span className="text-xs text-slate-500"> ({m("snapshotImport.matchedBySellerId")})</span>}
                {a.status === "updated" && a.existing && (
                  <span className="block text-xs text-amber-900" data-testid="import-overwrites">
                    {a.matchedBy === "sellerId" && <>{m("snapshotImport.overwritesBySellerId", { name: a.existing.storeName, id: a.existing.id, sellerId: a.existing.sellerId ?? "" })} </>}
                    {a.existing.storeName !== a.storeName && m("snapshotImport.renamed", { from: a.existing.storeName, to: a.storeName })}
                    {a.existing.loginsLost.length > 0 && <span className="block text-red-800">{m("snapshotImport.loginsLost", { logins: a.existing.loginsLost.join(", ") })}</span>}
                  </span>
                )}
                {a.status === "updated" && (
                  <span className="block text-xs text-slate-600">
                    {[
                      a.fieldsChanged ? m("snapshotImport.fields") : null,
                      a.clientChanged ? m("snapshotImport.client") : null,
                      child("snapshotImport.childLogins", a.logins),
                      child("snapshotImport.childPartners", a.partners),
                      child("snapshotImport.childApps", a.apps),
                      a.otherAccessChanged ? m("snapshotImport.otherAccess") : null,
                    ].filter(Boolean).join(" · ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {changed.length > SHOWN && <p className="text-xs text-slate-500">{m("snapshotImport.more", { count: changed.length - SHOWN })}</p>}
        </section>
      )}
      {preview.emailMatches.length > 0 && (
        <section data-testid="import-matches">
          <h3 className="text-sm font-semibold">{m("snapshotImport.matchesTitle")}</h3>
          <p className="text-xs text-slate-600">{m("snapshotImport.matchesIntro")}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {preview.emailMatches.map((match) => (
              <li key={match.incomingId} className="flex flex-wrap items-center gap-3">
                <span>{m("snapshotImport.match", { name: match.name, incomingId: match.incomingId, existingName: match.existingName, existingId: match.existingId, email: match.email })}</span>
                <label className="flex items-center gap-1 text-xs">
                  <input type="checkbox" name="keepApart" value={match.incomingId} defaultChecked={keepApart.has(match.incomingId)} />
                  {m("snapshotImport.keepApart")}
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      <input type="hidden" name="json" value={state.json ?? ""} />
      <input type="hidden" name="clientId" value={state.clientId ?? ""} />
      <input type="hidden" name="fingerprint" value={state.fingerprint ?? ""} />
      {state.loginsOnly && <input type="hidden" name="loginsOnly" value="1" />}
      {state.loginsOnly && state.listed?.map((part) => <input key={part} type="hidden" name="listed" value={part} />)}
      <div className="flex flex-wrap gap-3">
        {!noChanges && (
          <button type="submit" name="intent" value="apply" disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {pending ? m("snapshotImport.applying") : m("snapshotImport.apply")}
          </button>
        )}
        {preview.emailMatches.length > 0 && (
          <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
            {m("snapshotImport.refresh")}
          </button>
        )}
        <a href="/import" className="rounded border border-slate-300 px-3 py-1.5 text-sm no-underline">{m("snapshotImport.startOver")}</a>
      </div>
    </form>
  );
}
