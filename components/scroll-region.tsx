"use client";
import { useEffect, useRef, useState } from "react";

interface Props {
  /** Names the region for screen readers (it is a landmark one can tab to and scroll with the arrow keys). */
  label: string;
  /** Shown only while the content is wider than the region, e.g. "Scroll sideways for more rules →". */
  hint: string;
  children: React.ReactNode;
  testId?: string;
}

/**
 * A sideways-scrolling box for a wide table: focusable so a keyboard can scroll it, with a visible
 * hint and a fading right edge while columns are hidden beyond it.
 */
export function ScrollRegion({ label, hint, children, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ overflows: false, atEnd: true });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const overflows = box.scrollWidth - box.clientWidth > 1;
      setView({ overflows, atEnd: !overflows || box.scrollLeft + box.clientWidth >= box.scrollWidth - 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, []);
  return (
    <div>
      {view.overflows && <p className="mb-1 text-xs text-slate-600" data-testid={testId ? `${testId}-hint` : undefined}>{hint}</p>}
      <div className="relative">
        <div ref={ref} tabIndex={0} role="region" aria-label={label} className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700" data-testid={testId}>
          {children}
        </div>
        {!view.atEnd && <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-10 bg-linear-to-l from-white" />}
      </div>
    </div>
  );
}
