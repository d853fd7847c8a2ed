"use client";
import { useId, useState } from "react";
import { ComboboxOptions, comboboxInputProps, nextActive, useRemoteChoices, type Choice } from "@/components/combobox";

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
  const inputId = `${useId()}-input`;
  const [text, setText] = useState(selected?.name ?? "");
  const [value, setValue] = useState(selected?.id ?? "");
  const [open, setOpen] = useState(false);
  const { found, failed, active, setActive } = useRemoteChoices(`/api/clients?q=${encodeURIComponent(text)}`, "clients", open);
  // "No client" is a choice too, offered when what is typed could be its name.
  const none = messages.noClient.toLowerCase().includes(text.trim().toLowerCase()) ? [{ id: noClientValue, name: messages.noClient }] : [];
  const list = open && found ? [...found, ...none] : null;

  const choose = (choice: Choice) => {
    setText(choice.name);
    setValue(choice.id);
    setOpen(false);
  };

  return (
    <div className="relative">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">{messages.label}</label>
      <input type="hidden" name={name} value={value} />
      <input
        {...comboboxInputProps(inputId, list, active)}
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
            if (list?.length) setActive((i) => nextActive(e.key as "ArrowDown" | "ArrowUp", i, list.length));
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
      <ComboboxOptions inputId={inputId} label={messages.label} list={list} active={active} failed={failed} messages={messages} width="w-56" onChoose={choose} />
    </div>
  );
}
