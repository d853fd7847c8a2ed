"use client";
import { useActionState, useState } from "react";
import { signInAction, type SignInError, type SignInState } from "../actions";

export type SignInLabels = Record<SignInError, string> & {
  email: string;
  password: string;
  code: string;
  codeHint: string;
  codeIntro: string;
  submit: string;
  submitting: string;
};

const initial: SignInState = { error: null, email: "", needsCode: false, seq: 0 };

/** E-mail and password, then — for accounts with two-factor sign-in — the authenticator or recovery code. */
export function SignInForm({ labels, next, initialEmail = "" }: { labels: SignInLabels; next: string; initialEmail?: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  // Controlled, so the second step keeps what was typed in the first.
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const message = state.error === "rateLimited" ? labels.rateLimited.replace("{minutes}", String(state.waitMinutes ?? 15)) : state.error ? labels[state.error] : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className={state.needsCode ? "hidden" : ""}>
        <label htmlFor="email" className="block text-sm font-medium">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div className={state.needsCode ? "hidden" : ""}>
        <label htmlFor="password" className="block text-sm font-medium">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      {state.needsCode && (
        <div>
          <p className="mb-2 text-sm text-slate-700">{labels.codeIntro}</p>
          <label htmlFor="code" className="block text-sm font-medium">{labels.code}</label>
          <input key={state.seq} id="code" name="code" inputMode="text" autoComplete="one-time-code" required autoFocus aria-describedby="code-hint"
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2 tracking-widest" />
          <p id="code-hint" className="mt-1 text-xs text-slate-500">{labels.codeHint}</p>
        </div>
      )}
      <button type="submit" disabled={pending}
        className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
