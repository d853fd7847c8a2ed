"use client";
import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/define-action";
import type { FormMessages } from "@/components/action-form";
import type { TriageStepText } from "@/lib/i18n/triage-texts";

export interface TriageWalkLabels {
  steps: string;
  why: string;
  check: string;
  todo: string;
  signInPage: string;
  answerLegend: string;
  answerThis: string;
  answerNot: string;
  outcomeTitle: string;
  outcome: string;
  outcomes: { value: string; label: string }[];
  cause: string;
  causeFromAnswers: string;
  note: string;
  openTask: string;
  openTaskHint: string;
  submit: string;
  pending: string;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  accountId: string;
  loginId: string | null;
  steps: TriageStepText[];
  labels: TriageWalkLabels;
  messages: FormMessages;
}

const LIKELIHOOD = { high: "bg-red-100 text-red-900", medium: "bg-amber-100 text-amber-900", low: "bg-slate-100 text-slate-700" };

/** The checklist as one form: answer steps in any order, then record the outcome (keyboard: radios and a select, no custom widgets). */
export function TriageWalk({ action, accountId, loginId, steps, labels, messages }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false, seq: 0 } as ActionState);
  const id = useId();
  // The cause follows the step answered "this was it" until one is chosen by hand.
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const hit = steps.find((s) => answers[s.id] === "this");
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const say = (key: string | undefined) => (key ? ((state.ok ? undefined : state.said?.[key]) ?? key) : "");
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.seq} action={formAction} className="space-y-4" data-testid="triage-form" noValidate onReset={() => setAnswers({})}>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="loginId" value={loginId ?? ""} />
      <section aria-labelledby={`${id}-steps`} className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={`${id}-steps`} className="mb-3 text-lg font-semibold">{labels.steps}</h2>
        <ol className="space-y-3">
          {steps.map((step, i) => (
            <li key={step.id} className="rounded border border-slate-200 p-3" data-testid="triage-step" data-step={step.id}>
              <fieldset aria-describedby={`${id}-${step.id}-body`}>
                <legend className="flex flex-wrap items-center gap-2 font-semibold">
                  <span className="tabular-nums">{i + 1}.</span>
                  <span>{step.title}</span>
                  <span className={`rounded px-1.5 text-xs font-medium ${LIKELIHOOD[step.likelihood]}`}>{step.likelihoodLabel}</span>
                </legend>
                <div id={`${id}-${step.id}-body`} className="mt-2 space-y-1 text-sm [overflow-wrap:anywhere]">
                  {step.reasons.length > 0 && (
                    <div className="rounded bg-blue-50 px-2 py-1 text-blue-950" data-testid="triage-reasons">
                      <span className="font-medium">{labels.why}: </span>
                      {step.reasons.join(" ")}
                    </div>
                  )}
                  <p><span className="font-medium">{labels.check}: </span>{step.check}</p>
                  <p><span className="font-medium">{labels.todo}: </span>{step.todo}</p>
                  {step.url && (
                    <p>
                      {labels.signInPage}{" "}
                      <a href={step.url} className="break-all text-blue-800 underline" target="_blank" rel="noopener noreferrer" data-testid="sign-in-url">{step.url}</a>
                    </p>
                  )}
                </div>
                <div role="radiogroup" aria-label={labels.answerLegend} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {(["this", "not"] as const).map((answer) => (
                    <label key={answer} className="flex min-h-6 items-center gap-1">
                      <input
                        type="radio" name={`answer.${step.id}`} value={answer}
                        defaultChecked={values[`answer.${step.id}`] === answer}
                        onChange={() => setAnswers((a) => ({ ...a, [step.id]: answer }))}
                      />
                      {answer === "this" ? labels.answerThis : labels.answerNot}
                    </label>
                  ))}
                </div>
                {errors[`answer.${step.id}`] && <p className="mt-1 text-xs text-red-700">{say(errors[`answer.${step.id}`])}</p>}
              </fieldset>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby={`${id}-outcome`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={`${id}-outcome`} className="text-lg font-semibold">{labels.outcomeTitle}</h2>
        <fieldset aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}>
          <legend className="text-sm font-medium">{labels.outcome}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {labels.outcomes.map((o) => (
              <label key={o.value} className="flex min-h-6 items-center gap-1">
                <input type="radio" name="outcome" value={o.value} defaultChecked={values.outcome === o.value} aria-invalid={errors.outcome ? true : undefined} />
                {o.label}
              </label>
            ))}
          </div>
          {errors.outcome && <p id={`${id}-outcome-error`} className="mt-1 text-xs text-red-700">{say(errors.outcome)}</p>}
        </fieldset>
        <div className="max-w-md">
          <label htmlFor={`${id}-cause`} className="block text-sm font-medium">{labels.cause}</label>
          <select
            id={`${id}-cause`} name="cause" defaultValue={values.cause ?? ""} aria-invalid={errors.cause ? true : undefined}
            aria-describedby={errors.cause ? `${id}-cause-error` : undefined}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600"
          >
            <option value="">{hit ? `${hit.title} ${labels.causeFromAnswers}` : "—"}</option>
            {steps.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
          {errors.cause && <p id={`${id}-cause-error`} role="alert" className="mt-1 text-xs text-red-700">{say(errors.cause)}</p>}
        </div>
        <div className="max-w-md">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">{labels.note}</label>
          <textarea
            id={`${id}-note`} name="note" rows={2} defaultValue={values.note ?? ""} aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id}-note-error` : undefined}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600"
          />
          {errors.note && <p id={`${id}-note-error`} className="mt-1 text-xs text-red-700">{say(errors.note)}</p>}
        </div>
        <div className="text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="openTask" value="yes" defaultChecked={values.openTask === "yes"} aria-describedby={`${id}-task-hint`} />
            {labels.openTask}
          </label>
          <p id={`${id}-task-hint`} className="ml-6 text-xs text-slate-500">{labels.openTaskHint}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {pending ? labels.pending : labels.submit}
          </button>
          <span aria-live="polite" className="text-sm">
            {state.ok && <span className="text-emerald-700" data-testid="triage-saved">{messages.success}</span>}
            {!state.ok && state.error && <span role="alert" className="text-red-700">{say(state.error === "INVALID_INPUT" && Object.keys(errors).length ? "INVALID_INPUT" : state.error)}</span>}
          </span>
        </div>
      </section>
    </form>
  );
}
