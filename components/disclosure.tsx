"use client";
import { useState, type ReactNode } from "react";

interface Props {
  summary: ReactNode;
  summaryClassName?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A `<details>` whose content mounts the first time it is opened, then stays (typed input survives closing).
 * The record editors of the account and person pages sit behind these (issue 15, decision 034): rendered
 * open-or-not they were most of those pages' HTML and of the browser's hydration work, for forms a
 * visitor rarely opens. Native `<details>`: Enter or Space on the summary opens it, as before.
 */
export function Disclosure({ summary, summaryClassName, className, testId, children }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} data-testid={testId} onToggle={(event) => {
      if (event.currentTarget.open) setOpened(true);
    }}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened && children}
    </details>
  );
}
