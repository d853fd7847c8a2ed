"use client";
import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/define-action";
import { createApiTokenAction } from "../actions";

interface Labels {
  name: string;
  scope: string;
  read: string;
  write: string;
  clients: string;
  clientsHint: string;
  expiresOn: string;
  expiresOnHint: string;
  create: string;
  pending: string;
  created: string;
}

const initial: ActionState = { ok: false, seq: 0 };
const INPUT = "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600";

/**
 * The new token is shown here once, from the action's answer: it is never stored in plain, so it
 * cannot be shown again. The component stays mounted while the page re-renders the list below.
 */
export function CreateApiToken({ labels, clients }: { labels: Labels; clients: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createApiTokenAction, initial);
  const id = useId();
  const token = state.ok ? (state.data as { token?: string } | undefined)?.token : undefined;
  const error = (field: string) => state.fieldErrors?.[field];
  const say = (key: string | undefined) => (key ? (state.said?.[key] ?? key) : "");
  // A group of checkboxes (`group`) is named by its own visible legend: a label's `for` would name no element.
  const field = (name: string, label: string, input: React.ReactNode, hint?: string, group = false) => (
    <div className="max-w-md">
      {!group && <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-slate-700">{label}</label>}
      {input}
      {hint && <p id={`${id}-${name}-hint`} className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      {error(name) && <p id={`${id}-${name}-error`} role="alert" className="mt-0.5 text-xs text-red-700">{say(error(name))}</p>}
    </div>
  );
  const aria = (name: string, hint = false) => ({
    id: `${id}-${name}`, name, "aria-invalid": error(name) ? true : undefined,
    "aria-describedby": [error(name) ? `${id}-${name}-error` : "", hint ? `${id}-${name}-hint` : ""].filter(Boolean).join(" ") || undefined,
  });
  return (
    <div className="space-y-3">
      {token && (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="new-api-token">
          <p className="mb-2 text-sm">{labels.created}</p>
          <code className="block select-all break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="new-api-token-value">{token}</code>
        </div>
      )}
      <form key={state.seq} action={action} className="space-y-3" data-testid="create-api-token-form" noValidate>
        {field("name", labels.name, <input {...aria("name")} type="text" required defaultValue={state.ok ? "" : state.values?.name} className={INPUT} />)}
        {field(
          "scope",
          labels.scope,
          <select {...aria("scope")} defaultValue={state.ok ? "read" : (state.values?.scope ?? "read")} className={INPUT}>
            <option value="read">{labels.read}</option>
            <option value="write">{labels.write}</option>
          </select>,
        )}
        {clients.length > 0 &&
          field(
            "clientIds",
            labels.clients,
            <fieldset aria-describedby={`${id}-clientIds-hint`}>
              <legend className="block text-xs font-medium text-slate-700">{labels.clients}</legend>
              <div className="mt-1 flex max-h-40 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
                {clients.map((c) => (
                  <label key={c.id} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name="clientIds" value={c.id} defaultChecked={!state.ok && (state.values?.clientIds ?? "").split(",").includes(c.id)} />
                    {c.name}
                  </label>
                ))}
              </div>
            </fieldset>,
            labels.clientsHint,
            true,
          )}
        {field("expiresOn", labels.expiresOn, <input {...aria("expiresOn", true)} type="date" defaultValue={state.ok ? "" : state.values?.expiresOn} className={INPUT} />, labels.expiresOnHint)}
        <div className="flex items-center gap-2">
          <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {pending ? labels.pending : labels.create}
          </button>
          {!state.ok && state.error && state.error !== "INVALID_INPUT" && <span role="alert" className="text-xs text-red-700">{say(state.error)}</span>}
        </div>
      </form>
    </div>
  );
}
