"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Disclosure } from "@/components/disclosure";
import type { AccountEditing, EditingSummaries } from "./account-editing-types";

type Status = "idle" | "loading" | "loaded" | "failed";

interface Editing {
  status: Status;
  data: AccountEditing | null;
  /** The data was read at an older version than the page now shows (a save re-rendered it), or in the language the reader left: its forms wait for the new read. */
  stale: boolean;
  summaries: EditingSummaries;
  load: () => void;
}

const Context = createContext<Editing | null>(null);

function useEditing(): Editing {
  const editing = useContext(Context);
  if (!editing) throw new Error("An account editor needs AccountEditingProvider above it");
  return editing;
}

/**
 * The account page's editors, read when a writer first reaches for one (decision 063): pointing at or focusing a
 * closed editor's summary starts the read, opening it shows the forms when it arrives. One read serves every editor
 * of the page. After a save the page re-renders at the account's new version, and forms read at the old one would
 * be refused as stale: the editors read again, their forms disabled until it arrives. So they do when the reader
switches language.
 */
export function AccountEditingProvider({ accountId, version, locale, summaries, children }: { accountId: string; version: number; locale: "ja" | "en"; summaries: EditingSummaries; children: ReactNode }) {
  const [state, setState] = useState<{ status: Status; data: AccountEditing | null }>({ status: "idle", data: null });
  const inFlight = useRef(false);
  const load = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState((s) => ({ ...s, status: "loading" }));
    fetch(`/accounts/${encodeURIComponent(accountId)}/editing`, { headers: { accept: "application/json" }, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`editing: ${response.status}`);
        return (await response.json()) as AccountEditing;
      })
      .then((data) => setState({ status: "loaded", data }), () => setState((s) => ({ ...s, status: "failed" })))
      .finally(() => {
        inFlight.current = false;
      });
  }, [accountId]);
  // Another account's editors (the provider kept across a move between account pages) are none of this one's.
  const data = state.data?.accountId === accountId ? state.data : null;
  const stale = data !== null && (data.version < version || data.locale !== locale);
  const status = state.data !== null && data === null ? "idle" : state.status;
  useEffect(() => {
    if (stale && status === "loaded") load();
  }, [stale, status, load]);
  return <Context value={{ status, data, stale, summaries, load }}>{children}</Context>;
}

/** The closed editors' words, for a summary. */
export function useSummaries(): EditingSummaries {
  return useEditing().summaries;
}

interface DetailsProps {
  summary: string;
  summaryClassName?: string;
  className?: string;
  testId?: string;
  /** The open editor, built from the page's editing data. */
  children: (data: AccountEditing) => ReactNode;
}

/**
 * A `Disclosure` whose content is built from the page's editing data once it is opened (and the data has come), then
 * stays: typed input survives closing. Reaching for its summary starts the page's read; opening it does if none has.
 */
export function EditorDetails({ summary, summaryClassName, className, testId, children }: DetailsProps) {
  const { status, data, stale, summaries, load } = useEditing();
  const summaryRef = useRef<HTMLElement>(null);
  const intent = () => {
    if (status === "idle") load();
  };
  const open = () => {
    if (status === "idle" || status === "failed") load();
  };
  // The button goes while the read is under way: focus waits on the summary, not lost to the page's top.
  const retry = () => {
    summaryRef.current?.focus();
    load();
  };
  return (
    <Disclosure className={className} testId={testId} summary={summary} summaryClassName={summaryClassName} onOpen={open} onIntent={intent} summaryRef={summaryRef}>
      {/* Always the same element once there is data, so the forms below keep their state across a new read. No fade
          back: the forms are full contrast the moment they are usable again (a 150 ms fade failed axe in CI). */}
      {data && <fieldset disabled={stale} aria-busy={stale || undefined} className="m-0 min-w-0 border-0 p-0 disabled:opacity-60">{children(data)}</fieldset>}
      {status === "failed" ? (
        <p role="alert" className="mt-2 text-xs text-red-800">
          {summaries.failed}{" "}
          <button type="button" onClick={retry} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-900 hover:bg-slate-100">{summaries.retry}</button>
        </p>
      ) : (
        !data && <p role="status" className="mt-2 text-xs text-slate-600">{summaries.loading}</p>
      )}
    </Disclosure>
  );
}
