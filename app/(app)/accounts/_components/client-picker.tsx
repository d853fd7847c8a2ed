"use client";
import { useEffect, useId, useState } from "react";
import { interpolate } from "@/lib/i18n/format";

interface Choice {
  id: string;
  name: string;
}

export interface ClientPickerMessages {
  label: string;
  placeholder: string;
  noMatch: string;
  failed: string;
  /** "{count} clients found" */
  found: string;
  noClient: string;
}

/**
 * The client filter for agencies with many clients: a combobox (WAI-ARIA APG "list autocomplete")
 * that asks /api/clients for names as the user types, and submits the chosen client's id with the
 * filter form. Typing over a chosen name clears the choice (= any client).
 */
export function ClientPicker({ name, selected, noClientValue, messages }: { name: string; selected: Choice | null; noClientValue: string; messages: ClientPickerMessages }) {
  const id = useId();
  const [text, setText] = useState(selected?.name ?? "");
  const [value, setValue] = useState(selected?.id ?? "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Choice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);

  // Ask for matches shortly after typing stops. Newer typing, closing the box or leaving the page
  // cancels the request in flight (the effect's cleanup).
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/clients?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const { clients } = (await r.json()) as { clients: Choice[] };
          const none = messages.noClient.toLowerCase().includes(text.trim().toLowerCase()) ? [{ id: noClientValue, name: messages.noClient }] : [];
          setOptions([...clients, ...none]);
          setFailed(false);
          setActive(-1);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return; // superseded by newer typing, or the box closed
          console.error("client search failed", error);
          setOptions([]);
          setFailed(true);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, messages.noClient, noClientValue]);

  const choose = (choice: Choice) => {
    setText(choice.name);
    setValue(choice.id);
    setOpen(false);
  };
  const list = open ? options : null;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-xs font-medium text-slate-700">{messages.label}</label>
      <input type="hidden" name={name} value={value} />
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={!!list?.length}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={list?.length && active >= 0 ? optionId(active) : undefined}
        placeholder={messages.placeholder}
        value={text}
        className="mt-1 block w-56 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          setText(e.target.value);
          setValue("");
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (list?.length) setActive((i) => (e.key === "ArrowDown" ? (i + 1) % list.length : (i <= 0 ? list.length : i) - 1));
          } else if (e.key === "Enter" && list && active >= 0 && list[active]) {
            e.preventDefault(); // choosing is not submitting
            choose(list[active]);
          } else if (e.key === "Enter" && text.trim() && !value) {
            // Typed but not chosen: submitting would filter by no client at all. Take the best match.
            e.preventDefault();
            if (list?.length) choose(list[0]);
            else setOpen(true);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
          } else if (e.key === "Escape") {
            setText("");
            setValue("");
          }
        }}
      />
      <ul id={`${id}-listbox`} role="listbox" aria-label={messages.label}
        className={list?.length ? "absolute z-10 mt-1 max-h-64 w-56 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg" : "hidden"}>
        {list?.map((c, i) => (
          <li key={c.id} id={optionId(i)} role="option" aria-selected={i === active}
            className={`cursor-pointer px-2 py-1 ${i === active ? "bg-blue-100" : "hover:bg-slate-100"}`}
            onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c)}>
            {c.name}
          </li>
        ))}
      </ul>
      {list?.length === 0 && (
        <p role="status" className="absolute z-10 mt-1 w-56 rounded border border-slate-200 bg-white px-2 py-1 text-sm text-slate-600 shadow-lg">{failed ? messages.failed : messages.noMatch}</p>
      )}
      <p className="sr-only" aria-live="polite">{list?.length ? interpolate(messages.found, { count: list.length }) : ""}</p>
    </div>
  );
}
