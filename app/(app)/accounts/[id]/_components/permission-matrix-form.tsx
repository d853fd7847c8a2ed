"use client";
import { useActionState, useId, useRef } from "react";
import { useFocusAfterAnswer } from "@/components/use-focus-after-answer";
import type { ActionState } from "@/lib/actions/define-action";
import { grantField, PERMISSION_LEVELS } from "@/lib/validation/permission-form";

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: { accountId: string; version: number; loginId: string };
  tools: { id: string; name: string; scope: "GLOBAL" | "MARKETPLACE" }[];
  marketplaces: string[];
  /** Field name ("g.TOOL" / "g.TOOL.MP") → level now. */
  levels: Record<string, string>;
  labels: { caption: string; tool: string; global: string; levels: Record<string, string>; save: string; saving: string; saved: string };
}

/** Tool areas × levels, one column per marketplace for the tools Seller Central sets per marketplace. */
export function PermissionMatrixForm({ action, hidden, tools, marketplaces, levels, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false, seq: 0 });
  const shown = !state.ok && state.values ? state.values : levels;
  const version = !state.ok && state.error === "CONFLICT" && state.current?.version ? state.current.version : hidden.version;
  const formRef = useRef<HTMLFormElement>(null);
  const answerId = useId();
  const answered = state.ok || Boolean(state.error);
  useFocusAfterAnswer(formRef, state.seq, (form) => form.querySelector("select[aria-invalid=true]"));
  const cell = (toolId: string, marketplace: string | null, label: string) => {
    const name = grantField(toolId, marketplace);
    const error = state.fieldErrors?.[name];
    return (
      <td key={name} className="px-1 py-0.5">
        <select name={name} defaultValue={shown[name] ?? "NONE"} aria-label={label} aria-invalid={error ? true : undefined} className="rounded border border-slate-300 px-1 text-xs aria-invalid:border-red-600">
          {PERMISSION_LEVELS.map((l) => <option key={l} value={l}>{labels.levels[l]}</option>)}
        </select>
      </td>
    );
  };
  return (
    // The levels are read again after a save (decision 063), after the answer: the form starts again from them when
    // they come, or it would show the levels from before the save and a next save would put them back.
    <form key={`${state.seq}:${JSON.stringify(levels)}`} ref={formRef} action={formAction} data-testid="permission-form" className="space-y-2">
      <input type="hidden" name="accountId" value={hidden.accountId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="loginId" value={hidden.loginId} />
      <div className="overflow-x-auto">
        <table className="text-left text-xs">
          <caption className="sr-only">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-1 py-0.5">{labels.tool}</th>
              <th scope="col" className="px-1 py-0.5">{labels.global}</th>
              {marketplaces.map((m) => <th key={m} scope="col" className="px-1 py-0.5">{m}</th>)}
            </tr>
          </thead>
          <tbody>
            {tools.map((tool) => (
              <tr key={tool.id} className="border-t border-slate-100">
                <th scope="row" className="px-1 py-0.5 font-normal whitespace-nowrap">{tool.name}</th>
                {tool.scope === "GLOBAL" ? cell(tool.id, null, tool.name) : <td className="px-1 text-slate-400">—</td>}
                {marketplaces.map((m) => (tool.scope === "MARKETPLACE" ? cell(tool.id, m, `${tool.name} (${m})`) : <td key={m} className="px-1 text-slate-400">—</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} aria-describedby={answered ? answerId : undefined} className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">{pending ? labels.saving : labels.save}</button>
        <span id={answerId} aria-live="polite" className="text-xs">
          {!state.ok && state.error && <span role="alert" className="text-red-700">{state.said?.[state.error === "CONFLICT" ? "form.conflictWithCurrent" : state.error] ?? state.error}</span>}
          {state.ok && <span className="text-emerald-700">{labels.saved}</span>}
        </span>
      </div>
    </form>
  );
}
