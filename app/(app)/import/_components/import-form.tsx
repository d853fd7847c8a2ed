"use client";
import Link from "@/components/link";
import { useActionState, useEffect, useRef } from "react";
import { interpolate } from "@/lib/i18n/format";
import type { ja as snapshotImportJa } from "@/lib/i18n/messages/snapshot-import";
import { importSnapshotAction, type ImportState } from "../actions";
import { ImportPreview } from "./import-preview";
import { listedNote, type ListedNoteLabels } from "@/lib/snapshots/listed-note";

export interface ImportLabels {
  file: string;
  or: string;
  paste: string;
  client: string;
  noClient: string;
  errorsTitle: string;
  /** Each refusal code's sentence (the action answers with the code alone). */
  errors: Record<string, string>;
  toAccounts: string;
}

/** The preview's messages as templates (filled in here, in the reader's language). */
export type SnapshotImportMessages = Record<keyof typeof snapshotImportJa, string>;

const initial: ImportState = { seq: 0, stage: "input" };

/** The Seller Central paste: a user list copied from the User Permissions page, for one chosen account. */
export type { ListedNoteLabels as ListedLabels } from "@/lib/snapshots/listed-note";

export interface PasteProps {
  accounts: { id: string; storeName: string; sellerId: string | null }[];
  labels: { title: string; intro: string; account: string; text: string; preview: string };
}

export function ImportForm({ labels, messages, locale, clients, paste, listedLabels }: { labels: ImportLabels; messages: SnapshotImportMessages; locale: string; clients: { id: string; name: string }[]; paste?: PasteProps; listedLabels?: ListedNoteLabels }) {
  const [state, action, pending] = useActionState(importSnapshotAction, initial);
  const m = (key: keyof SnapshotImportMessages, vars?: Record<string, string | number>) => interpolate(messages[key], vars, locale);
  const box = useRef<HTMLDivElement>(null);
  // Each answer replaces the form the keyboard was in (its key, or the preview): focus goes to what the answer says
  // (the problems, the preview, the result), not to the page's top.
  useEffect(() => {
    if (state.seq > 0) box.current?.querySelector<HTMLElement>("[data-answer]")?.focus();
  }, [state.seq]);
  return (
    <div ref={box} className="space-y-4">
      {state.stage === "preview" && state.preview ? (
        <ImportPreview
          state={state} action={action} pending={pending} m={m}
          keptNote={state.loginsOnly && listedLabels ? listedNote(state.listed, listedLabels, locale) : null}
        />
      ) : (
        // Keyed by the attempt: after a failure the pasted text and the client are shown again, not cleared.
        <form key={state.seq} action={action} className="space-y-3" data-testid="import-form">
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium">{labels.file}</label>
            <input id="import-file" name="file" type="file" multiple accept="application/json,.json,text/csv,.csv,.tsv,.xlsx" className="mt-1 block text-sm" />
          </div>
          <p className="text-xs text-slate-500">{labels.or}</p>
          <div>
            <label htmlFor="import-json" className="block text-sm font-medium">{labels.paste}</label>
            <textarea id="import-json" name="json" rows={6} defaultValue={state.stage === "input" ? (state.json ?? "") : ""} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </div>
          <div>
            <label htmlFor="import-client" className="block text-sm font-medium">{labels.client}</label>
            <select id="import-client" name="clientId" defaultValue={state.clientId ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm">
              <option value="">{labels.noClient}</option>
              {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <button type="submit" name="intent" value="preview" disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {pending ? m("snapshotImport.previewing") : m("snapshotImport.preview")}
          </button>
        </form>
      )}
      {state.stage !== "preview" && paste && paste.accounts.length > 0 && (
        <form key={`paste-${state.seq}`} action={action} className="space-y-3 border-t border-slate-200 pt-4" data-testid="paste-form">
          <h2 className="text-base font-semibold">{paste.labels.title}</h2>
          <p className="text-xs text-slate-600">{paste.labels.intro}</p>
          <div>
            <label htmlFor="sc-account" className="block text-sm font-medium">{paste.labels.account}</label>
            <select id="sc-account" name="scAccountId" defaultValue={state.pasteAccountId ?? ""} className="mt-1 max-w-full rounded border border-slate-300 px-2 py-1 text-sm">
              {paste.accounts.map((a) => <option key={a.id} value={a.id}>{a.storeName}{a.sellerId ? ` (${a.sellerId})` : ""}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="sc-paste" className="block text-sm font-medium">{paste.labels.text}</label>
            <textarea id="sc-paste" name="scPaste" rows={6} defaultValue={state.pasted ?? ""} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </div>
          <button type="submit" name="intent" value="preview" disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {pending ? m("snapshotImport.previewing") : paste.labels.preview}
          </button>
        </form>
      )}
      <div aria-live="polite">
        {state.error && <p role="alert" tabIndex={-1} data-answer className="text-sm text-red-700">{labels.errors[state.error] ?? state.error}</p>}
        {state.stage === "done" && state.done && (
          <p tabIndex={-1} data-answer className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="import-success">
            {state.done.created + state.done.updated === 0 ? m("snapshotImport.doneNoChanges") : m("snapshotImport.done", state.done)}{" "}
            <Link href="/accounts">{labels.toAccounts}</Link>
          </p>
        )}
        {state.errors && state.errors.length > 0 && (
          <div role="alert" tabIndex={-1} data-answer className="rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="import-errors">
            <p id="import-errors-title" className="font-medium text-red-800">{interpolate(labels.errorsTitle, { count: state.errors.length }, locale)}</p>
            {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
            <ul tabIndex={0} aria-labelledby="import-errors-title" className="mt-2 max-h-80 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs">
              {state.errors.slice(0, 200).map((e, i) => <li key={i}><span className="font-semibold">{e.path}</span>: {e.message}</li>)}
            </ul>
            {state.laterChecks && <p className="mt-2 text-xs text-slate-700" data-testid="import-later-checks">{state.laterChecks}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
