"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "../actions";

export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  credentials: string;
  /** Contains {minutes}. */
  rateLimited: string;
}

const initial: SignInState = { error: null, email: "" };

export function SignInForm({ labels }: { labels: SignInLabels }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error === "rateLimited" ? labels.rateLimited.replace("{minutes}", String(state.waitMinutes ?? 15)) : labels[state.error]}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
