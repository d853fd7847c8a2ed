"use client";
import { useEffect, useRef } from "react";

// Accepting a risk moves its finding to the accepted list, reopening moves it back: the form the keyboard was in goes
// with the old item, and focus fell to the page's top. The item that left hands the focus to the same finding's new
// item, which gives it to its first button (reopen, or make a task). The handoff lives for the one commit that moves
// it: unmounted and mounted in the same flush of effects, before any timer runs.
let submittedFrom: string | null = null;
let leaving: string | null = null;

/** Put once in each finding's list item (open or accepted): carries the focus across when the finding moves between them. */
export function FindingArrival({ findingId }: { findingId: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const item = ref.current?.closest("li");
    if (!item) return;
    if (leaving === findingId && (document.activeElement === null || document.activeElement === document.body)) {
      item.querySelector<HTMLElement>("button:not(:disabled)")?.focus();
    }
    if (leaving === findingId) leaving = null;
    const onSubmit = () => {
      submittedFrom = findingId;
    };
    item.addEventListener("submit", onSubmit, true);
    return () => {
      item.removeEventListener("submit", onSubmit, true);
      if (submittedFrom !== findingId) return;
      submittedFrom = null;
      leaving = findingId;
      setTimeout(() => {
        if (leaving === findingId) leaving = null;
      }, 0);
    };
  }, [findingId]);
  return <span ref={ref} hidden />;
}
