"use client";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";

// Keyboard flow through a campaign (decision 090). Recording a decision replaces the row's form with its result, so
// focus, on the form's button, fell to <body> and the next item was again the page's header and nav away. The form
// notes which items were sent; when their results arrive, focus moves to the next undecided item's "record a
// decision" control (after the first of them, else the first left), or to that first result when none is left.
// A bulk decision does the same for the items it ticked (decision 095): focus stayed on its button, or fell to the
// page's top when the bulk form went with the last undecided item.

let sentItemIds: Set<string> | null = null;

/** Around a decision form: remembers which items it sent (a submission the form itself refused sent none). */
function remember(ids: (event: FormEvent<HTMLElement>) => string[]) {
  return (event: FormEvent<HTMLElement>) => {
    if (!event.defaultPrevented) sentItemIds = new Set(ids(event));
  };
}

/** Around an item's decision form: remembers that this item was the one sent. */
export function DecisionSent({ itemId, children }: { itemId: string; children: ReactNode }) {
  return <div onSubmit={remember(() => [itemId])}>{children}</div>;
}

/** Around the bulk decision form: remembers the items ticked in its `field` when it was sent. */
export function BulkDecisionSent({ field, children }: { field: string; children: ReactNode }) {
  return <div onSubmit={remember((event) => new FormData(event.target as HTMLFormElement).getAll(field).map(String))}>{children}</div>;
}

/** An item's recorded decision; on arrival, when it is among the decisions just sent from this page, moves focus on. */
export function DecisionResult({ itemId, className, children }: { itemId: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || !sentItemIds?.has(itemId)) return;
    // The results of one answer arrive in one commit: every one is in the document by now, so the first effect
    // among them decides for all, measured from the first of them in the page.
    const sent = sentItemIds;
    sentItemIds = null;
    const results = [...document.querySelectorAll<HTMLElement>("[data-testid=decided][data-item-id]")].filter((r) => sent.has(r.dataset.itemId!));
    const first = results[0] ?? ref.current;
    const controls = [...document.querySelectorAll<HTMLElement>("[data-testid=item-decision] summary")];
    const next = controls.find((c) => first.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ?? controls[0];
    (next ?? first).focus();
  }, [itemId]);
  return <div ref={ref} tabIndex={-1} className={className} data-testid="decided" data-item-id={itemId}>{children}</div>;
}
