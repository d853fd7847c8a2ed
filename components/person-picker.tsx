"use client";
import { useState } from "react";
import { ComboboxOptions, comboboxInputProps, nextActive, useRemoteChoices, type Choice } from "./combobox";

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
  const [searched, setSearched] = useState(false);
  // A chosen name is not a search: show everyone (the first page) until the user types.
  const q = searched ? text : "";
  const { found, failed, active, setActive } = useRemoteChoices(`/api/people?q=${encodeURIComponent(q)}`, "people", open);
  const first = none && (!q.trim() || none.name.toLowerCase().includes(q.trim().toLowerCase())) ? [none] : [];
  const list = open && found ? [...first, ...found.filter((p) => p.id !== exclude)] : null;

  const choose = (choice: Choice) => {
    setText(choice.name);
    setValue(choice.id);
    setSearched(false);
    setOpen(false);
  };

  return (
    <div className="relative">
      <input type="hidden" name={name} value={value} />
      <input type="hidden" name={`${name}Label`} value={value || none ? text : ""} />
      {/* Typed but not chosen: the form refuses it at this field rather than send "nobody". */}
      <input type="hidden" name={`${name}Typed`} value={searched && !value ? text.trim() : ""} />
      <input
        {...comboboxInputProps(inputId, list, active)}
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
            if (list?.length) setActive((i) => nextActive(e.key as "ArrowDown" | "ArrowUp", i, list.length));
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
      <ComboboxOptions inputId={inputId} label={messages.placeholder} list={list} active={active} failed={failed} messages={messages} width="w-full min-w-56" onChoose={choose} />
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
  const { found, failed, active, setActive } = useRemoteChoices(`/api/people?q=${encodeURIComponent(text)}`, "people", open);
  const list = open && found ? found.filter((p) => !exclude.includes(p.id)) : null;
  return (
    <div className="relative">
      <input {...comboboxInputProps(inputId, list, active)} aria-describedby={describedBy} placeholder={messages.placeholder} value={text}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        onChange={(e) => { setText(e.target.value); setOpen(true); }} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (list?.length) setActive((i) => nextActive(e.key as "ArrowDown" | "ArrowUp", i, list.length));
          } else if (e.key === "Enter" && list?.length) {
            e.preventDefault();
            onChoose(list[Math.max(active, 0)]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
          }
        }} />
      <ComboboxOptions inputId={inputId} label={messages.placeholder} list={list} active={active} failed={failed} messages={messages} width="w-full min-w-56" onChoose={onChoose} />
    </div>
  );
}
