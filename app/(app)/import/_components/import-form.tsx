"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { interpolate } from "@/lib/i18n/format";

export interface ImportLabels {
  file: string;
  or: string;
  paste: string;
  client: string;
  noClient: string;
  submit: string;
  pending: string;
  success: string;
  errorsTitle: string;
  errors: Record<string, string>;
  toAccounts: string;
  /** "(file): larger than 5 MB", said before anything is sent. */
  tooLarge: string;
}

type ImportError = { path: string; message: string };
type ImportResult = { ok: true; accounts: number; logins: number } | { ok: false; errors: ImportError[] };
type ImportState = { result: ImportResult | null; error?: string };

/**
 * Posts the snapshot itself as the body of POST /api/import (decision 010): a file or text over the limit
 * is refused here before sending, and by the route (counting bytes as they arrive) for any other client.
 */
export function ImportForm({ labels, clients, maxBytes }: { labels: ImportLabels; clients: { id: string; name: string }[]; maxBytes: number }) {
  const [state, setState] = useState<ImportState>({ result: null });
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const result = state.result;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const pasted = String(data.get("json") ?? "").trim();
    const body: Blob | string = file instanceof File && file.size > 0 ? file : pasted;
    const size = typeof body === "string" ? new TextEncoder().encode(body).byteLength : body.size;
    if (size > maxBytes) {
      setState({ result: { ok: false, errors: [{ path: "(file)", message: labels.tooLarge }] } });
      return;
    }
    const clientId = String(data.get("clientId") ?? "");
    startTransition(async () => {
      const response = await fetch(`/api/import${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }).catch(() => null);
      const payload = (await response?.json().catch(() => null)) as { result?: ImportResult; error?: string } | null;
      if (payload?.result) {
        setState({ result: payload.result });
        if (payload.result.ok) {
          // Imported: an empty form for the next file, and the pages behind it show the new accounts.
          form.reset();
          router.refresh();
        }
      } else {
        setState({ result: null, error: payload?.error ?? (response?.status === 401 ? "UNAUTHENTICATED" : "UNEXPECTED") });
      }
    });
  }

  return (
    <div className="space-y-4">
      {/* Not reset after a failure: the pasted text, the file and the client stay to be fixed. */}
      <form onSubmit={submit} className="space-y-3" data-testid="import-form">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">{labels.file}</label>
          <input id="import-file" name="file" type="file" accept="application/json,.json" className="mt-1 block text-sm" />
        </div>
        <p className="text-xs text-slate-500">{labels.or}</p>
        <div>
          <label htmlFor="import-json" className="block text-sm font-medium">{labels.paste}</label>
          <textarea id="import-json" name="json" rows={6} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
        </div>
        <div>
          <label htmlFor="import-client" className="block text-sm font-medium">{labels.client}</label>
          <select id="import-client" name="clientId" defaultValue="" className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">{labels.noClient}</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? labels.pending : labels.submit}
        </button>
      </form>
      <div aria-live="polite">
        {state.error && <p role="alert" className="text-sm text-red-700">{labels.errors[state.error] ?? labels.errors.UNEXPECTED ?? state.error}</p>}
        {result?.ok && (
          <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="import-success">
            {interpolate(labels.success, { accounts: result.accounts, logins: result.logins })} <Link href="/accounts">{labels.toAccounts}</Link>
          </p>
        )}
        {result && !result.ok && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="import-errors">
            <p className="font-medium text-red-800">{interpolate(labels.errorsTitle, { count: result.errors.length })}</p>
            <ul className="mt-2 max-h-80 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs">
              {result.errors.slice(0, 200).map((e, i) => <li key={i} className="break-all"><span className="font-semibold">{e.path}</span>: {e.message}</li>)}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
