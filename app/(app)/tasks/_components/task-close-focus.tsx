"use client";
import { useEffect, useRef, type ReactNode } from "react";

// Closing a task by hand takes its row out of the open list (or its form out of the row): focus, on the form's
// button, fell to <body> and the keyboard started again at the page's top (probe 45, L2). As a review decision
// does (decision 090), the form notes which task it closed; when the list has changed, focus moves to the next open
// task's "Close by hand…" (after it, else the first left), or to the list's status line when none is left.

let sent: { taskId: string; following: string[] } | null = null;

const closeControls = () => [...document.querySelectorAll<HTMLElement>("[data-testid=task-row] [data-testid=close-task] > summary")];

/** Around a task's close form: remembers that this task was the one sent. */
export function TaskCloseSent({ taskId, children }: { taskId: string; children: ReactNode }) {
  return (
    <div data-task-id={taskId} onSubmit={(event) => {
      if (event.defaultPrevented) return;
      // The tasks listed after this one, in the page's order: the next of them still open takes the focus.
      const row = event.currentTarget.closest("[data-testid=task-row]");
      const rows = [...document.querySelectorAll<HTMLElement>("[data-testid=task-row]")];
      sent = { taskId, following: rows.slice(rows.indexOf(row as HTMLElement) + 1).map((r) => r.dataset.taskRowId!) };
    }}>
      {children}
    </div>
  );
}

/** What the list holds, said above it; where focus goes when the task just closed was the last open one. */
export function TaskStatusLine({ open, children }: { open: number; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const closed = sent;
    // A refused close keeps its form (the form itself focuses the refused note).
    if (!closed || document.querySelector(`[data-task-id="${CSS.escape(closed.taskId)}"] form`)) return;
    sent = null;
    const controlOf = (id: string) => document.querySelector<HTMLElement>(`[data-task-row-id="${CSS.escape(id)}"] [data-testid=close-task] > summary`);
    const next = closed.following.map(controlOf).find(Boolean) ?? closeControls()[0];
    (next ?? ref.current)?.focus();
  }, [open]);
  return <p ref={ref} tabIndex={-1} role="status" className="text-sm text-slate-600" data-testid="task-status-line">{children}</p>;
}
