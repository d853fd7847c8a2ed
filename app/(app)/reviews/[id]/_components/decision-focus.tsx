"use client";
import { useEffect, useRef, type ReactNode } from "react";

// Keyboard flow through a campaign (decision 090). Recording a decision replaces the row's form with its result, so
// focus, on the form's button, fell to <body> and the next item was again the page's header and nav away. The form
// notes which item was sent; when that item's result arrives, focus moves to the next undecided item's "record a
// decision" control (after this row, else the first left), or to the result itself when none is left.

let sentItemId: string | null = null;

/** Around an item's decision form: remembers that this item was the one sent. */
export function DecisionSent({ itemId, children }: { itemId: string; children: ReactNode }) {
  return <div onSubmit={() => { sentItemId = itemId; }}>{children}</div>;
}

/** An item's recorded decision; takes focus on arrival when it is the decision just sent from this page. */
export function DecisionResult({ itemId, className, children }: { itemId: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const result = ref.current;
    if (!result || sentItemId !== itemId) return;
    sentItemId = null;
    const controls = [...document.querySelectorAll<HTMLElement>("[data-testid=item-decision] summary")];
    const next = controls.find((c) => result.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ?? controls[0];
    (next ?? result).focus();
  }, [itemId]);
  return <div ref={ref} tabIndex={-1} className={className} data-testid="decided">{children}</div>;
}
