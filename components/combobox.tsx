"use client";
// The parts every "list autocomplete" combobox here shares (WAI-ARIA APG): the client filter, the person
// picker and the "also used by" chips each ask a scoped GET for names as the user types, move through the
// matches with the arrow keys and show them in one listbox. What they do with a choice differs; this does not.
import { useEffect, useState } from "react";
import { interpolate } from "@/lib/i18n/format";

export interface Choice {
  id: string;
  name: string;
}

/**
 * Matches from `url` (JSON `{ [field]: Choice[] }`) while the box is open, shortly after typing stops.
 * Newer typing, closing the box or leaving the page cancels the request in flight (the effect's cleanup).
 * `found` is null until the first answer; a failed request answers [] with `failed` set.
 */
export function useRemoteChoices(url: string, field: "clients" | "people", open: boolean) {
  const [found, setFound] = useState<Choice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const body = (await r.json()) as Record<string, Choice[]>;
          setFound(body[field] ?? []);
          setFailed(false);
          setActive(-1);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return; // superseded by newer typing, or the box closed
          console.error(`${field} search failed`, error);
          setFound([]);
          setFailed(true);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, field, open]);
  return { found, failed, active, setActive };
}

/** The option the arrow keys move to: down wraps to the first, up from none or the first to the last. */
export function nextActive(key: "ArrowDown" | "ArrowUp", current: number, length: number): number {
  if (key === "ArrowDown") return (current + 1) % length;
  return (current <= 0 ? length : current) - 1;
}

export const optionId = (inputId: string, i: number) => `${inputId}-option-${i}`;
export const listboxId = (inputId: string) => `${inputId}-listbox`;

/**
 * The open box: the listbox of matches (rendered only while there are some, so a closed picker adds no
 * second element named like its field), "no match" or "search failed" when there are none, and a polite
 * live count for screen readers.
 */
export function ComboboxOptions({ inputId, label, list, active, failed, messages, width, onChoose }: {
  inputId: string;
  label: string;
  list: Choice[] | null;
  active: number;
  failed: boolean;
  messages: { noMatch: string; failed: string; found: string };
  /** Tailwind width classes of the floating box. */
  width: string;
  onChoose: (choice: Choice) => void;
}) {
  return (
    <>
      {!!list?.length && (
        <ul id={listboxId(inputId)} role="listbox" aria-label={label}
          className={`absolute z-20 mt-1 max-h-64 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg ${width}`}>
          {list.map((c, i) => (
            <li key={c.id || "none"} id={optionId(inputId, i)} role="option" aria-selected={i === active}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-blue-100" : "hover:bg-slate-100"}`}
              onMouseDown={(e) => e.preventDefault()} onClick={() => onChoose(c)}>
              {c.name}
            </li>
          ))}
        </ul>
      )}
      {list?.length === 0 && (
        <p role="status" className={`absolute z-20 mt-1 rounded border border-slate-200 bg-white px-2 py-1 text-sm text-slate-600 shadow-lg ${width}`}>{failed ? messages.failed : messages.noMatch}</p>
      )}
      <p className="sr-only" aria-live="polite">{list?.length ? interpolate(messages.found, { count: list.length }) : ""}</p>
    </>
  );
}

/** The attributes of the text input that make it the combobox of `ComboboxOptions`. */
export function comboboxInputProps(inputId: string, list: Choice[] | null, active: number) {
  return {
    id: inputId,
    type: "text",
    role: "combobox",
    autoComplete: "off",
    "aria-autocomplete": "list" as const,
    "aria-expanded": !!list?.length,
    "aria-controls": list?.length ? listboxId(inputId) : undefined,
    "aria-activedescendant": list?.length && active >= 0 ? optionId(inputId, active) : undefined,
  };
}
