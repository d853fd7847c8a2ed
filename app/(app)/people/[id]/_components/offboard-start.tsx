"use client";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/define-action";
import { formSummary } from "@/lib/forms/summary";
import { offboardPersonAction } from "../actions";

const initial: ActionState = { ok: false, seq: 0 };

interface Props {
  personId: string;
  defaultDate: string;
  /** "Mark X as departed on {date}": {date} is filled in with the date chosen. */
  departedLine: string;
  /** The checklist items this offboarding will create, already in the reader's language. */
  changes: string[];
  text: { date: string; dateHint: string; review: string; title: string; intro: string; confirm: string; back: string; saving: string };
}

/**
 * Starting an offboarding in two deliberate steps: choose the departure date, then confirm in a dialog
 * that names the person and lists every record the offboarding will change. Nothing is sent before the
 * dialog's own button is pressed (the server also requires confirm=yes).
 */
export function OffboardStart({ personId, defaultDate, departedLine, changes, text }: Props) {
  const [state, formAction, pending] = useActionState(offboardPersonAction, initial);
  const [date, setDate] = useState(defaultDate);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const say = (key: string | undefined) => (key ? (state.said?.[key] ?? key) : "");
  const dateError = state.ok ? undefined : state.fieldErrors?.departedAt;
  const summary = formSummary(state, ["departedAt"]);
  // The answer closes the dialog: a refusal is then shown at the date field, beside the button.
  useEffect(() => {
    if (state.seq > 0) dialog.current?.close();
  }, [state.seq]);
  return (
    <form
      action={formAction} className="space-y-3" data-testid="offboard-form" noValidate
      // Enter in the date field must not skip the confirmation: only the dialog's button sends.
      onSubmit={(event) => {
        if (dialog.current?.open) return;
        event.preventDefault();
        dialog.current?.showModal();
      }}
    >
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="confirm" value="yes" />
      <div className="max-w-md">
        <label htmlFor={`${id}-date`} className="block text-xs font-medium text-slate-700">{text.date}</label>
        <input
          id={`${id}-date`} name="departedAt" type="date" required value={date} onChange={(e) => setDate(e.target.value)}
          aria-invalid={dateError ? true : undefined} aria-describedby={`${id}-hint${dateError ? ` ${id}-error` : ""}`}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600"
        />
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{text.dateHint}</p>
        {dateError && <p id={`${id}-error`} role="alert" className="mt-0.5 text-xs text-red-700">{say(dateError)}</p>}
      </div>
      <div className="flex items-center gap-2">
        <button type="button" onClick={() => dialog.current?.showModal()} className="rounded border border-red-300 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
          {text.review}
        </button>
        {summary && "key" in summary && summary.key !== "INVALID_INPUT" && <span role="alert" className="text-xs text-red-700">{say(summary.key)}</span>}
      </div>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-red-200 p-4 backdrop:bg-slate-900/40" data-testid="offboard-dialog">
        <h3 id={`${id}-title`} className="text-lg font-semibold">{text.title}</h3>
        <p className="mt-2 text-sm">{text.intro}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="offboard-changes">
          <li>{departedLine.replace("{date}", date)}</li>
          {changes.map((change) => <li key={change}>{change}</li>)}
        </ul>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">{text.back}</button>
          <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
            {pending ? text.saving : text.confirm}
          </button>
        </div>
      </dialog>
    </form>
  );
}
