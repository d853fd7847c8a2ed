"use client";
import { useState, type ReactNode, type Ref } from "react";
import { closeOnEscape } from "./close-on-escape";

interface Props {
  summary: ReactNode;
  summaryClassName?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
  /** Each time it is opened (the account page's editors start their read here, decision 063). */
  onOpen?: () => void;
  /** The summary pointed at or focused: a reader reaching for it, before any click. */
  onIntent?: () => void;
  summaryRef?: Ref<HTMLElement>;
}

/**
 * A `<details>` whose content mounts the first time it is opened, then stays (typed input survives closing).
 * The record editors of the account and person pages sit behind these (issue 15, decision 034): rendered
 * open-or-not they were most of those pages' HTML and of the browser's hydration work, for forms a
 * visitor rarely opens. Native `<details>`: Enter or Space on the summary opens it, as before; Escape closes it.
 */
export function Disclosure({ summary, summaryClassName, className, testId, children, onOpen, onIntent, summaryRef }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} data-testid={testId} onKeyDown={closeOnEscape} onToggle={(event) => {
      if (!event.currentTarget.open) return;
      setOpened(true);
      onOpen?.();
    }}>
      <summary ref={summaryRef} className={summaryClassName} onPointerEnter={onIntent} onFocus={onIntent}>{summary}</summary>
      {opened && children}
    </details>
  );
}
