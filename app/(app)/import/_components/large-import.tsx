"use client";
import { useRef, useState } from "react";
import { interpolate } from "@/lib/i18n/format";
import type { ja as bulkProgressJa } from "@/lib/i18n/messages/bulk-progress";

// The large-file import (decision 023): the file is posted as the request body to /api/import/large,
// whose answer streams progress lines (rows read, then the apply's steps) and ends with the result.
// Preview first (nothing written), then Apply; a failure says so and offers to try again.

export type BulkProgressMessages = Record<keyof typeof bulkProgressJa, string>;

type Progress =
  | { phase: "parsing"; rowsRead: number; bytesRead: number; totalBytes: number }
  | { phase: "applying"; step: "planning" | "writing" | "findings" | "committing"; done: number; total: number };
type Counts = { created: number; updated: number; unchanged: number };
type Summary = { accounts: Counts; people: Counts; removed: { logins: number } };
/** lib/db/bulk-import/people.ts's BulkMatches, as the route sends it. */
type Match = { incomingId: string; name: string; row: number; email: string; existingId: string; existingName: string; keptApart: boolean };
type Matches = { shown: Match[]; byEmail: number; byExternalId: number; keptApart: number };
type Result =
  | { ok: true; dryRun: boolean; written: boolean; rows: number; summary: Summary; matches?: Matches }
  | { ok: false; problems?: { path: string; message: string }[]; problemCount?: number; failed?: boolean; tooLarge?: boolean };

export function LargeImport({ messages, locale, maxMb }: { messages: BulkProgressMessages; locale: string; maxMb: number }) {
  const m = (key: keyof BulkProgressMessages, vars?: Record<string, string | number>) => interpolate(messages[key], vars, locale);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [last, setLast] = useState<"preview" | "apply">("preview");
  // Incoming people the user keeps apart from their e-mail match, and those the shown preview was worked out with.
  const [keepApart, setKeepApart] = useState<ReadonlySet<string>>(new Set());
  const [previewedWith, setPreviewedWith] = useState("");
  const choice = [...keepApart].sort().join("\n");
  const toggle = (id: string, on: boolean) => setKeepApart((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });

  async function run(kind: "preview" | "apply") {
    const file = input.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setLast(kind);
    setResult(null);
    const apart = [...keepApart];
    if (kind === "preview") setPreviewedWith(choice);
    setProgress({ phase: "parsing", rowsRead: 0, bytesRead: 0, totalBytes: file.size });
    try {
      const query = new URLSearchParams({ name: file.name, dryRun: kind === "preview" ? "1" : "0" });
      for (const id of apart) query.append("keepApart", id);
      const response = await fetch(`/api/import/large?${query}`, { method: "POST", body: file });
      if (response.status === 413) return setResult({ ok: false, tooLarge: true });
      if (!response.ok || !response.body) return setResult({ ok: false, failed: true });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let final: Result | null = null;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { progress?: Progress; result?: Result };
          if (message.progress) setProgress(message.progress);
          if (message.result) final = message.result;
        }
      }
      setResult(final ?? { ok: false, failed: true });
    } catch {
      setResult({ ok: false, failed: true });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const bar = progress && (progress.phase === "parsing" ? { value: progress.bytesRead, max: progress.totalBytes || 1 } : { value: progress.done, max: progress.total || 1 });
  const label =
    !progress ? ""
    : progress.phase === "parsing" ? m("bulkProgress.reading", { rows: progress.rowsRead.toLocaleString(locale), percent: Math.floor((100 * progress.bytesRead) / (progress.totalBytes || 1)) })
    : progress.step === "findings" ? m("bulkProgress.findings", { done: progress.done.toLocaleString(locale), total: progress.total.toLocaleString(locale) })
    : progress.step === "committing" ? m("bulkProgress.committing")
    : m(progress.step === "planning" ? "bulkProgress.planning" : "bulkProgress.writing", { rows: progress.total.toLocaleString(locale) });

  return (
    <div className="space-y-3" data-testid="large-import">
      <h2 className="text-lg font-semibold">{m("bulkProgress.title")}</h2>
      <p className="text-sm text-slate-600">{m("bulkProgress.intro", { max: maxMb })}</p>
      <div>
        <label htmlFor="large-import-file" className="block text-sm font-medium">{m("bulkProgress.file")}</label>
        <input id="large-import-file" ref={input} type="file" accept="text/csv,.csv,.tsv,.txt,.xlsx" className="mt-1 block text-sm" onChange={() => {
          setResult(null);
          setKeepApart(new Set());
        }} disabled={busy} />
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={() => run("preview")} disabled={busy} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">{m("bulkProgress.preview")}</button>
        {result?.ok && result.dryRun && (
          <button type="button" onClick={() => run("apply")} disabled={busy || choice !== previewedWith} aria-describedby={choice !== previewedWith ? "large-import-preview-again" : undefined} className="rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-60">{m("bulkProgress.apply")}</button>
        )}
      </div>
      {bar && (
        <div role="status" aria-live="polite" className="space-y-1 text-sm">
          <progress value={bar.value} max={bar.max} className="w-full" aria-label={label} />
          <p>{label}</p>
        </div>
      )}
      {result?.ok && (
        <div role="status" className="text-sm" data-testid="large-import-result">
          <p>
            {result.dryRun
              ? m("bulkProgress.summary", { rows: result.rows, created: result.summary.accounts.created, updated: result.summary.accounts.updated, unchanged: result.summary.accounts.unchanged, removed: result.summary.removed.logins })
              : result.written ? m("bulkProgress.done", { rows: result.rows }) : m("bulkProgress.nothing", { rows: result.rows })}
          </p>
          {result.dryRun && <p data-testid="large-import-people">{m("bulkProgress.people", result.summary.people)}</p>}
        </div>
      )}
      {result?.ok && result.dryRun && result.matches && <MatchList matches={result.matches} keepApart={keepApart} toggle={toggle} disabled={busy} m={m} />}
      {result?.ok && result.dryRun && choice !== previewedWith && (
        <p id="large-import-preview-again" role="alert" className="text-sm text-amber-900">{m("bulkProgress.previewAgain")}</p>
      )}
      {result && !result.ok && (
        <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="large-import-error">
          {result.tooLarge ? <p>{m("bulkProgress.tooLarge", { max: maxMb })}</p>
          : result.problems ? (
            <>
              <p>{m("bulkProgress.problems", { count: result.problemCount ?? result.problems.length })}</p>
              <ul className="list-disc pl-5">{result.problems.map((p, i) => <li key={i}>{p.path}: {p.message}</li>)}</ul>
            </>
          ) : (
            <>
              <p>{m("bulkProgress.failed")}</p>
              <button type="button" onClick={() => run(last)} className="rounded border border-red-300 bg-white px-3 py-1">{m("bulkProgress.retry")}</button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

type M = (key: keyof BulkProgressMessages, vars?: Record<string, string | number>) => string;

/**
 * The preview's person matches: each e-mail match (and each kept apart) with its "keep apart" box, the
 * first of thousands; external-id matches (the same record: nothing to choose) are counted.
 */
function MatchList({ matches, keepApart, toggle, disabled, m }: { matches: Matches; keepApart: ReadonlySet<string>; toggle: (id: string, on: boolean) => void; disabled: boolean; m: M }) {
  const listed = matches.byEmail + matches.keptApart;
  if (listed + matches.byExternalId === 0) return null;
  return (
    <section aria-labelledby="large-import-matches-title" className="space-y-1 text-sm" data-testid="large-import-matches">
      <h3 id="large-import-matches-title" className="font-semibold">{m("bulkProgress.matchesTitle")}</h3>
      <p className="text-xs text-slate-600">{m("bulkProgress.matchesIntro")}</p>
      <p className="text-xs">{m("bulkProgress.matchCounts", { email: matches.byEmail, external: matches.byExternalId, apart: matches.keptApart })}</p>
      {matches.shown.length > 0 && (
        <ul className="max-h-96 space-y-1 overflow-y-auto">
          {matches.shown.map((match) => (
            <li key={match.incomingId} className="flex flex-wrap items-center gap-3">
              <span>{m("bulkProgress.matchEmail", { name: match.name, incomingId: match.incomingId, row: match.row, existingName: match.existingName, existingId: match.existingId, email: match.email })}</span>
              <label className="flex items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={keepApart.has(match.incomingId)}
                  onChange={(e) => toggle(match.incomingId, e.target.checked)}
                  disabled={disabled}
                  aria-label={m("bulkProgress.keepApartOf", { name: match.name, incomingId: match.incomingId, existingName: match.existingName })}
                />
                <span aria-hidden="true">{m("bulkProgress.keepApart")}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {listed > matches.shown.length && <p className="text-xs text-slate-500">{m("bulkProgress.matchesMore", { count: listed - matches.shown.length, shown: matches.shown.length })}</p>}
    </section>
  );
}
