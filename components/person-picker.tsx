"use client";
import { useEffect, useState } from "react";
import { interpolate } from "@/lib/i18n/format";

interface Choice {
  id: string;
  name: string;
}

export interface PersonPickerMessages {
  placeholder: string;
  noMatch: string;
  failed: string;
  /** "{count} people found" */
  found: string;
}

interface Props {
  /** The id ActionForm gives the field (its label points here). */
  inputId: string;
  name: string;
  selected: Choice | null;
  /** A choice meaning "nobody" or "a new person" (value ""), offered first; none: a person must be chosen. */
  none?: Choice;
  /** A person who may not be chosen here (merging someone into themselves). */
  exclude?: string;
  messages: PersonPickerMessages;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A person chosen by typing (WAI-ARIA APG "list autocomplete", as the accounts table's client filter):
 * /api/people answers with matches, so an organisation with thousands of people never sends them all
 * with the page. The chosen id goes in a hidden field of the same name; the shown name goes along as
 * `<name>Label`, so a refused form shows it again. Typing over a choice clears it until another is taken.
 */
export function PersonPicker({ inputId, name, selected, none, exclude, messages, invalid, describedBy }: Props) {
  const [text, setText] = useState(selected?.name ?? none?.name ?? "");
  const [value, setValue] = useState(selected?.id ?? "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Choice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    // A chosen name is not a search: show everyone (the first page) until the user types.
    const q = searched ? text : "";
    const timer = setTimeout(() => {
      fetch(`/api/people?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const { people } = (await r.json()) as { people: Choice[] };
          const first = none && (!q.trim() || none.name.toLowerCase().includes(q.trim().toLowerCase())) ? [none] : [];
          setOptions([...first, ...people.filter((p) => p.id !== exclude)]);
          setFailed(false);
          setActive(-1);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          console.error("person search failed", error);
          setOptions([]);
          setFailed(true);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, searched, none, exclude]);

  const choose = (choice: Choice) => {
    setText(choice.name);
    setValue(choice.id);
    setSearched(false);
    setOpen(false);
  };
  const list = open ? options : null;
  const listId = `${inputId}-listbox`;
  const optionId = (i: number) => `${inputId}-option-${i}`;

  return (
    <div className="relative">
      <input type="hidden" name={name} value={value} />
      <input type="hidden" name={`${name}Label`} value={value || none ? text : ""} />
      {/* Typed but not chosen: the form refuses it at this field rather than send "nobody". */}
      <input type="hidden" name={`${name}Typed`} value={searched && !value ? text.trim() : ""} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={!!list?.length}
        aria-controls={list?.length ? listId : undefined}
        aria-activedescendant={list?.length && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={messages.placeholder}
        value={text}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600"
        onChange={(e) => {
          setText(e.target.value);
          setValue("");
          setSearched(true);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (list?.length) setActive((i) => (e.key === "ArrowDown" ? (i + 1) % list.length : (i <= 0 ? list.length : i) - 1));
          } else if (e.key === "Enter" && list?.length && active >= 0 && list[active]) {
            e.preventDefault(); // choosing is not submitting
            choose(list[active]);
          } else if (e.key === "Enter" && searched && text.trim() && !value && list?.length) {
            // Typed but not chosen: take the best match rather than send "nobody".
            e.preventDefault();
            choose(list[0]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      {/* Rendered only while open, so a closed picker adds no second element named like its field. */}
      {!!list?.length && (
        <ul id={listId} role="listbox" aria-label={messages.placeholder}
          className="absolute z-20 mt-1 max-h-64 w-full min-w-56 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {list.map((c, i) => (
            <li key={c.id || "none"} id={optionId(i)} role="option" aria-selected={i === active}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-blue-100" : "hover:bg-slate-100"}`}
              onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c)}>
              {c.name}
            </li>
          ))}
        </ul>
      )}
      {list?.length === 0 && (
        <p role="status" className="absolute z-20 mt-1 w-full rounded border border-slate-200 bg-white px-2 py-1 text-sm text-slate-600 shadow-lg">{failed ? messages.failed : messages.noMatch}</p>
      )}
      <p className="sr-only" aria-live="polite">{list?.length ? interpolate(messages.found, { count: list.length }) : ""}</p>
    </div>
  );
}

/**
 * Several people (who else uses a login): each chosen one is a chip with its own remove button, and
 * a search box (the picker above) adds more. Ids go as repeated `<name>` fields (a checkbox group's
 * shape); their names as `<name>Labels` (JSON) so a refused form shows them again.
 */
export function PeoplePicker({ inputId, name, selected, exclude, messages, removeLabel, describedBy }: {
  inputId: string; name: string; selected: Choice[]; exclude?: string; messages: PersonPickerMessages; removeLabel: string; describedBy?: string;
}) {
  const [chosen, setChosen] = useState(selected);
  const [round, setRound] = useState(0);
  return (
    <div>
      <input type="hidden" name={`${name}Labels`} value={JSON.stringify(chosen)} />
      {chosen.map((p) => <input key={p.id} type="hidden" name={name} value={p.id} />)}
      {chosen.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1" aria-label={messages.placeholder}>
          {chosen.map((p) => (
            <li key={p.id} className="flex items-center gap-1 rounded bg-slate-200 px-1.5 text-xs" data-testid="chosen-person">
              {p.name}
              <button type="button" className="px-0.5 text-slate-700 hover:text-red-700" aria-label={`${removeLabel}: ${p.name}`} onClick={() => setChosen((c) => c.filter((x) => x.id !== p.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      {/* A fresh search box after each choice (its own hidden field is unnamed here: the chips carry the ids). */}
      <AddPerson key={round} inputId={inputId} exclude={[exclude, ...chosen.map((c) => c.id)]} messages={messages} describedBy={describedBy}
        onChoose={(p) => { setChosen((c) => (c.some((x) => x.id === p.id) ? c : [...c, p])); setRound((r) => r + 1); }} />
    </div>
  );
}

function AddPerson({ inputId, exclude, messages, describedBy, onChoose }: {
  inputId: string; exclude: (string | undefined)[]; messages: PersonPickerMessages; describedBy?: string; onChoose: (p: Choice) => void;
}) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Choice[] | null>(null);
  const [active, setActive] = useState(-1);
  const skip = exclude.join(",");
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/people?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then(async (r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const { people } = (await r.json()) as { people: Choice[] };
          setOptions(people.filter((p) => !skip.split(",").includes(p.id)));
          setActive(-1);
        })
        .catch(() => {
          if (!controller.signal.aborted) setOptions([]);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, skip]);
  const list = open ? options : null;
  return (
    <div className="relative">
      <input id={inputId} type="text" role="combobox" autoComplete="off" aria-autocomplete="list" aria-expanded={!!list?.length}
        aria-controls={list?.length ? `${inputId}-listbox` : undefined} aria-activedescendant={list?.length && active >= 0 ? `${inputId}-option-${active}` : undefined}
        aria-describedby={describedBy} placeholder={messages.placeholder} value={text}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => { setText(e.target.value); setOpen(true); }} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (list?.length) setActive((i) => (e.key === "ArrowDown" ? (i + 1) % list.length : (i <= 0 ? list.length : i) - 1));
          } else if (e.key === "Enter" && list?.length) {
            e.preventDefault();
            onChoose(list[Math.max(active, 0)]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
          }
        }} />
      {!!list?.length && (
        <ul id={`${inputId}-listbox`} role="listbox" aria-label={messages.placeholder}
          className="absolute z-20 mt-1 max-h-64 w-full min-w-56 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {list.map((c, i) => (
            <li key={c.id} id={`${inputId}-option-${i}`} role="option" aria-selected={i === active}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-blue-100" : "hover:bg-slate-100"}`}
              onMouseDown={(e) => e.preventDefault()} onClick={() => onChoose(c)}>
              {c.name}
            </li>
          ))}
        </ul>
      )}
      {list?.length === 0 && <p role="status" className="absolute z-20 mt-1 w-full rounded border border-slate-200 bg-white px-2 py-1 text-sm text-slate-600 shadow-lg">{messages.noMatch}</p>}
    </div>
  );
}
