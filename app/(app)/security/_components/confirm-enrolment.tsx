"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/define-action";
import { confirmEnrolmentAction } from "../actions";

interface Labels {
  code: string;
  confirm: string;
  pending: string;
  codesTitle: string;
  codesIntro: string;
}

const initial: ActionState = { ok: false, seq: 0 };

/**
 * The first code turns two-factor on; the recovery codes are shown here once and never again. It stays
 * mounted in every state of the section (`enrolling` only says whether to offer the form), because
 * turning two-factor on rotates the session and re-renders the page: the codes live in this state.
 */
export function ConfirmEnrolment({ labels, enrolling }: { labels: Labels; enrolling: boolean }) {
  const [state, action, pending] = useActionState(confirmEnrolmentAction, initial);
  if (state.ok && Array.isArray(state.data)) {
    return (
      <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3" data-testid="recovery-codes">
        <h3 className="font-semibold">{labels.codesTitle}</h3>
        <p className="mb-2 text-sm">{labels.codesIntro}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
          {(state.data as string[]).map((code) => <li key={code}>{code}</li>)}
        </ul>
      </div>
    );
  }
  if (!enrolling) return null;
  const error = state.fieldErrors?.code ?? (state.error && state.error !== "INVALID_INPUT" ? state.error : undefined);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
      <div>
        <label htmlFor="totp-code" className="block text-xs font-medium">{labels.code}</label>
        <input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required aria-invalid={error ? true : undefined}
          aria-describedby={error ? "totp-code-error" : undefined} className="mt-1 w-32 rounded border border-slate-300 px-2 py-1 tracking-widest" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60">
        {pending ? labels.pending : labels.confirm}
      </button>
      {error && <p id="totp-code-error" role="alert" className="w-full text-xs text-red-700">{state.said?.[error] ?? error}</p>}
    </form>
  );
}
