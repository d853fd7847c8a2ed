"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * An answer rebuilds a form (its key), and an account page's editor is disabled until its new read: focus, on the
 * button that sent it, went to the page's top. After each answer (`seq`) it comes back to `target()` (the first refused
 * field, else the form's button) as soon as that can take it, unless the user has moved on.
 */
export function useFocusAfterAnswer(formRef: RefObject<HTMLFormElement | null>, seq: number, target: (form: HTMLFormElement) => Element | null | undefined) {
  const pending = useRef(false);
  const answered = useRef(0);
  useEffect(() => {
    if (seq === answered.current) return;
    answered.current = seq;
    pending.current = true;
  }, [seq]);
  useEffect(() => {
    const form = formRef.current;
    if (!pending.current || !form) return;
    const active = document.activeElement;
    if (active && active !== document.body && !form.contains(active)) {
      pending.current = false;
      return;
    }
    const element = target(form) ?? form.querySelector("button[type=submit]");
    if (!(element instanceof HTMLElement) || element.matches(":disabled")) return;
    element.focus();
    pending.current = false;
  });
}
