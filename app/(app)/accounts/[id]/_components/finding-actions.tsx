"use client";
import { useEffect, useRef } from "react";
import { ActionForm, type FieldSpec, type FormMessages } from "@/components/action-form";
import { Disclosure } from "@/components/disclosure";
import { sharedContext } from "@/components/shared-context";
import type { ActionState } from "@/lib/actions/define-action";
import { FindingArrival } from "./finding-arrival";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * What every open finding's buttons share: the actions, the accept form's fields, the messages and the words.
 * One object per page (findings-section.tsx), given once to `FindingActionsProvider` around the list, so the flight
 * payload carries it once and each finding its id, not its two forms' element trees nor a long reference to this
 * (decisions 038, 044, 057).
 */
export interface FindingActionsShared {
  createTask: Action;
  accept: Action | null;
  acceptFields: FieldSpec[];
  taskMessages: FormMessages;
  words: { task: string; saving: string; accept: string; acceptSubmit: string; openTask: string };
}

/** Where a finding's open task is listed: its row on the tasks page carries this anchor. */
export const findingTaskHref = (findingId: string) => `/tasks#finding-task-${findingId}`;

const context = sharedContext<FindingActionsShared>("FindingActions");

/** Gives the page's one `FindingActionsShared` to every finding's actions below it. */
export const FindingActionsProvider = context.Provider;

/**
 * A finding becomes a remediation task on request; a writer may accept its risk (the form mounts when opened, decision 034).
 * A finding that has an open task shows it (`task`, the server's words) instead of the button; a page older than the
 * task still has the button, and its refusal links to the task (decision 089).
 */
export function FindingActions({ findingId, task }: { findingId: string; task?: string }) {
  const shared = context.useShared();
  const { words } = shared;
  const href = findingTaskHref(findingId);
  // The button gives way to the task it made as the page is read again: the focus it held goes to the task's link,
  // so a keyboard user is not sent back to the top of the page. A task already there on load takes no focus.
  const hadButton = useRef(!task);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (task && hadButton.current && (document.activeElement === null || document.activeElement === document.body)) link.current?.focus();
    hadButton.current = !task;
  }, [task]);
  return (
    <>
      <div className="mt-2">
        {task ? (
          // A status region: when the button gives way to it, a screen reader hears that the task exists.
          <p className="text-sm text-slate-700" data-testid="finding-task" role="status">
            {task} <a href={href} ref={link}>{words.openTask}</a>
          </p>
        ) : (
          <ActionForm action={shared.createTask} hidden={{ findingId }} submitLabel={words.task} pendingLabel={words.saving} messages={shared.taskMessages} variant="secondary" inline testId="finding-task-form" refusalLink={{ key: "validation.findingTaskExists", href, label: words.openTask }} />
        )}
      </div>
      {shared.accept && (
        <Disclosure className="mt-2" summary={words.accept} summaryClassName="cursor-pointer text-sm text-slate-700">
          <div className="mt-2 rounded bg-slate-50 p-3">
            <ActionForm action={shared.accept} hidden={{ findingId }} fields={shared.acceptFields} submitLabel={words.acceptSubmit} pendingLabel={words.saving} testId="accept-form" />
          </div>
        </Disclosure>
      )}
      <FindingArrival findingId={findingId} />
    </>
  );
}
