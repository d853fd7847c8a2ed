"use client";
import { useEffect, useMemo, useRef, type ComponentProps } from "react";
import type { Choice } from "@/lib/forms/more-options";
import { useMoreOptions } from "./use-more-options";

export interface MoreOptionsMessages {
  /** The control that fetches the rest ("Choose from all clients"). */
  more: string;
  loading: string;
  failed: string;
  retry: string;
}

/**
 * A `<select>` whose page carries only the current choice (and a blank one): the rest are fetched when the
 * select gets focus or its "more" button is pressed, which then moves focus to the select. Without
 * JavaScript the select still submits the current value. Loading is announced on the button, a failure
 * in an alert with a retry.
 */
export function MoreOptionsSelect({ options, url, messages, selectProps }: {
  options: Choice[]; url: string; messages: MoreOptionsMessages; selectProps: ComponentProps<"select">;
}) {
  // After a refusal the form comes back with the value chosen from the fetched list: keep it selected (named
  // "loading" until the list arrives again) rather than let the browser fall back to the first option.
  const chosen = typeof selectProps.defaultValue === "string" ? selectProps.defaultValue : "";
  const missing = chosen !== "" && !options.some((o) => o.value === chosen);
  const initial = useMemo(() => (missing ? [...options, { value: chosen, label: messages.loading }] : options), [missing, options, chosen, messages.loading]);
  const { status, options: shown, load } = useMoreOptions(initial, url);
  useEffect(() => {
    if (missing) void load();
  }, [missing, load]);
  const selectRef = useRef<HTMLSelectElement>(null);
  const errorId = `${selectProps.id}-more-error`;
  const describedBy = [selectProps["aria-describedby"], status === "failed" ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="flex items-center gap-2">
        <select {...selectProps} ref={selectRef} aria-describedby={describedBy} aria-busy={status === "loading" || undefined} onFocus={() => void load()}>
          {shown.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        {status !== "loaded" && (
          <button
            type="button"
            data-testid="more-options"
            aria-controls={selectProps.id}
            disabled={status === "loading"}
            onClick={() => void load().then((ok) => ok && selectRef.current?.focus())}
            className="mt-1 shrink-0 rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
          >
            {status === "loading" ? messages.loading : status === "failed" ? messages.retry : messages.more}
          </button>
        )}
      </div>
      {status === "failed" && <p id={errorId} role="alert" className="mt-0.5 text-xs text-red-700">{messages.failed}</p>}
    </>
  );
}
