"use client";
import { useActionState, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/define-action";
import { confirmationErrors, latestErrors } from "@/lib/forms/confirmations";
import { fieldErrorsOf, formFields, tooLongLimitsOf } from "@/lib/forms/fields";
import type { FormSchemaName } from "@/lib/forms/schemas";
import { withRecordValues, type RecordPicker } from "@/lib/forms/shared-fields";
import { formSummary } from "@/lib/forms/summary";
import { TOO_LONG_TYPED, tooLongSentence } from "@/lib/forms/too-long";
import { invisibleCharacterSentence } from "@/lib/forms/invisible-character";
import { INVISIBLE_CHARACTER_AT } from "@/lib/validation/invisible-characters";
import type { Locale } from "@/lib/i18n/locales";
import { loadValidationSentences, offlineSentences, pageLocale, validationSentences, validationSentencesSettled, type Sentences } from "@/lib/forms/validation-sentences";
import { MoreOptionsSelect, type MoreOptionsMessages } from "./more-options-select";
import { PeoplePicker, PersonPicker, type PersonPickerMessages } from "./person-picker";
import { useFocusAfterAnswer } from "./use-focus-after-answer";
import { closeOnEscape } from "./close-on-escape";

export interface FieldSpec {
  name: string;
  label: string;
  /** "checkbox": one box (value "yes") named by its own label; "checkboxes": a group under a legend. */
  type: "text" | "date" | "select" | "textarea" | "password" | "checkbox" | "checkboxes" | "person" | "people";
  /** For checkboxes: the values ticked to begin with. */
  defaultValues?: string[];
  /**
   * For checkboxes: the group folded under this summary (a `<details>`, closed unless an answer echoes a box of it
   * ticked or refuses it): a long list a keyboard would otherwise Tab through on its way to the button (probe 45, M9).
   */
  folded?: string;
  /** For checkboxes: two buttons that tick or clear the whole group (shown once scripts run; a long list of 500 items). */
  selectAll?: { all: string; none: string };
  /** For a select, `group` puts an option under that heading (an <optgroup>), in the order the groups first appear. */
  options?: { value: string; label: string; group?: string }[];
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  inputMode?: "numeric" | "text";
  /** This field repeats another (a password's confirmation): checked in the browser before sending. */
  matches?: { field: string; error: string };
  /** A select whose page carries only `options` (the current choice): the rest are fetched from `url` when it is opened. */
  moreOptions?: { url: string; messages: MoreOptionsMessages };
  /** A select whose choice ticks another checkbox group's defaults (a region → its marketplaces); still editable after. */
  presets?: { field: string; values: Record<string, string[]> };
  /** Shown only once the server's answer names this refusal (or echoes a value for it): a confirmation asked for on resubmit. */
  revealedBy?: string;
  /**
   * A revealed confirmation carries what it was asked about: a hidden input `name` holding the refusal's
   * `vars[fromVar]` (then the box starts unticked: this is a new question), else the value sent back with the form.
   * The server lets the tick count only for that (a name confirmed, then edited to another taken one, is asked again).
   */
  asksAbout?: { name: string; fromVar: string };
  /** For type "person": the searching combobox's words, the chosen person's shown name, and a "nobody"/"new person" choice. */
  picker?: {
    messages: PersonPickerMessages; selectedName?: string; none?: { id: ""; name: string }; exclude?: string;
    /** For type "people": the people chosen to begin with, and the chip's remove button's words. */
    selectedPeople?: { id: string; name: string }[]; removeLabel?: string;
  };
}

/**
 * What a form says on its own. Its refusals are not here: the server's answer carries the sentences it names
 * (ActionState.said) and the browser's refusals load theirs (lib/forms/validation-sentences), so no page
 * carries the whole error table in its flight (decision 060).
 */
export interface FormMessages {
  success?: string;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string | number>;
  /** May be a page's shared descriptions (lib/forms/shared-fields): then `values` and `pickers` are this record's. */
  fields?: FieldSpec[];
  /** This record's value per field name, over the fields' defaults. */
  values?: Record<string, string>;
  /** This record's part of a picker field (chosen name, excluded person, chips), over the shared picker. */
  pickers?: Record<string, RecordPicker>;
  submitLabel: string;
  pendingLabel: string;
  /** Its success sentence; a form with nothing to say on success passes none. */
  messages?: FormMessages;
  variant?: "primary" | "secondary" | "danger";
  inline?: boolean;
  testId?: string;
  /** The zod schema its server action parses with, run in the browser first (same messages, nothing sent when refused). */
  schema?: FormSchemaName;
  /**
   * The record's state as read: when it changes (the record read again after a save), the inputs start again from
   * the new values, the last answer still shown. Without it they start again only on an answer (decision 063).
   */
  resetKey?: string;
  /**
   * The form folded away under `summary` (a `<details>`, `intro` above the form), open whenever the form has
   * something to say: without JavaScript an answer is a new page, and a page's own `<details>` would start closed
   * again over the refusal or question it holds. An answer with nothing to say (a plain success) folds it again.
   */
  fold?: { summary: string; summaryClassName?: string; className?: string; testId?: string; intro?: ReactNode };
  /** A link shown after the refusal whose key is `key` (where the thing it refers to is: a finding's existing task). */
  refusalLink?: { key: string; href: string; label: string };
}

const initial: ActionState = { ok: false, seq: 0 };
const BUTTON = {
  primary: "bg-blue-700 text-white hover:bg-blue-800",
  secondary: "border border-slate-300 bg-white hover:bg-slate-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};

// The forms' schemas (zod and every record form's rules, ~35 kB gzip) load only where a form names one:
// statically imported here they were part of every page with any form, the accounts table included
// (issue 15, decision 024). A form that names a schema loads them as it mounts; submitted before they
// arrive, it waits for them, so the browser still checks with the very schema the server parses with.
let formSchemas: (typeof import("@/lib/forms/schemas"))["FORM_SCHEMAS"] | undefined;
let loadingSchemas: Promise<void> | undefined;
/** Set when the schemas could not be loaded (offline): the form then goes to the server unchecked. */
let schemasUnavailable = false;
const loadFormSchemas = () =>
  (loadingSchemas ??= import("@/lib/forms/schemas").then(
    (m) => {
      formSchemas = m.FORM_SCHEMAS;
    },
    () => {
      schemasUnavailable = true;
    },
  ));

/** The browser's checks of a form are ready: its schema (if it names one) and the language's sentences, loaded or known not to load. */
const browserChecksSettled = (schema: FormSchemaName | undefined, locale: Locale) =>
  (!schema || formSchemas !== undefined || schemasUnavailable) && validationSentencesSettled(locale);
const loadBrowserChecks = (schema: FormSchemaName | undefined, locale: Locale) =>
  Promise.all([schema ? loadFormSchemas() : undefined, loadValidationSentences(locale)]);

/** Every form of the app: server-validated, errors next to their field and summarised for screen readers. */
export function ActionForm({ action, hidden = {}, fields: sharedFields = [], values, pickers, submitLabel, pendingLabel, messages, variant = "primary", inline = false, testId, schema, resetKey, fold, refusalLink }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  const fields = useMemo(() => withRecordValues(sharedFields, values, pickers), [sharedFields, values, pickers]);
  const id = useId();
  // Refused in the browser, so the form (passwords included) stays as typed; cleared by the next answer.
  const [local, setLocal] = useState<{ seq: number; errors: Record<string, string>; sentences?: Sentences; typed?: Record<string, string>; limits?: Record<string, number> }>({ seq: -1, errors: {} });
  const localErrors = local.seq === state.seq ? local.errors : {};
  // Whether this form can be refused in the browser: by its schema, a confirmation, or a person typed but not chosen.
  const checksHere = Boolean(schema) || fields.some((f) => f.matches || f.type === "person");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = Object.keys(local.errors)[0];
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  }, [local]);
  useEffect(() => {
    if (checksHere) void loadBrowserChecks(schema, pageLocale());
  }, [checksHere, schema]);
  useFocusAfterAnswer(formRef, state.seq, (form) => {
    const refused = state.ok ? undefined : fields.find((f) => state.fieldErrors?.[f.name]);
    const named = refused ? (document.getElementById(`${id}-${refused.name}`) ?? form.elements.namedItem(refused.name)) : null;
    return named instanceof RadioNodeList ? named[0] : named;
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const locale = pageLocale();
    if (checksHere && !browserChecksSettled(schema, locale)) {
      // Not loaded yet: hold the submission until they are (if they cannot load, the server answers alone).
      event.preventDefault();
      const form = event.currentTarget;
      void loadBrowserChecks(schema, locale).then(() => form.requestSubmit());
      return;
    }
    const data = new FormData(event.currentTarget);
    const errors: Record<string, string> = {};
    let limits: Record<string, number> | undefined;
    const sentences = validationSentences(locale);
    // Without the sentences (offline) the schema and the confirmation are left to the server, which checks both
    // and answers in words; a person typed but not chosen is refused here still, as the server would take "nobody".
    if (sentences && schema && formSchemas) {
      const parsed = formSchemas[schema].safeParse(formFields(data));
      // Only what the user can fix here: a problem with a hidden field is the server's to answer.
      if (!parsed.success) {
        for (const [name, key] of Object.entries(fieldErrorsOf(parsed.error))) if (fields.some((f) => f.name === name)) errors[name] = key;
        limits = tooLongLimitsOf(parsed.error);
      }
    }
    if (sentences) Object.assign(errors, confirmationErrors(fields, (name) => String(data.get(name) ?? "")));
    for (const f of fields) if (f.type === "person" && String(data.get(`${f.name}Typed`) ?? "") !== "") errors[f.name] = "validation.unknownPerson";
    if (Object.keys(errors).length === 0) return setLocal({ seq: -1, errors: {} });
    event.preventDefault();
    setLocal({ seq: state.seq, errors, sentences: sentences ?? offlineSentences(locale), typed: formFields(data), limits });
  };
  // After a refusal the picker shows what was chosen (its id and name came back with the form).
  const pickedPerson = (field: FieldSpec) => {
    const id = state.ok ? field.defaultValue : (state.values?.[field.name] ?? field.defaultValue);
    const name = state.ok || !state.values ? field.picker?.selectedName : state.values[`${field.name}Label`];
    return id && name ? { id, name } : null;
  };
  const pickedPeople = (field: FieldSpec): { id: string; name: string }[] => {
    const echoed = state.ok ? undefined : state.values?.[`${field.name}Labels`];
    if (echoed === undefined) return field.picker?.selectedPeople ?? [];
    try {
      const people: unknown = JSON.parse(echoed);
      return Array.isArray(people) ? people.filter((p): p is { id: string; name: string } => typeof p?.id === "string" && typeof p?.name === "string") : [];
    } catch {
      return [];
    }
  };
  const applyPreset = (preset: NonNullable<FieldSpec["presets"]>, value: string) => {
    const ticked = preset.values[value];
    if (!ticked) return;
    for (const box of formRef.current?.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${preset.field}"]`) ?? []) box.checked = ticked.includes(box.value);
  };
  const askedNow = (field: FieldSpec) => !state.ok && Object.values(state.fieldErrors ?? {}).includes(field.revealedBy!);
  const revealed = (field: FieldSpec) => askedNow(field) || (!state.ok && Boolean(state.values?.[field.name]));
  const askedAbout = (asks: NonNullable<FieldSpec["asksAbout"]>, field: FieldSpec) =>
    askedNow(field) ? String(state.vars?.[asks.fromVar] ?? "") : state.ok ? "" : (state.values?.[asks.name] ?? "");
  const refusedHere = Object.keys(localErrors).length > 0;
  // A key's sentence: from the browser's table for its own refusals, else from the server's answer.
  const say = (key: string | undefined) => (key ? ((refusedHere ? local.sentences : state.said)?.[key] ?? key) : "");
  // A field's own refusal: past its limit it says the limit and the length typed (the value is kept as typed). The
  // limit is the one the refusing schema holds, sent with the refusal: no field description carries a copy of it.
  const sayFor = (field: FieldSpec, key: string | undefined) => {
    const typed = refusedHere ? local.typed?.[field.name] : state.ok ? undefined : state.values?.[field.name];
    const limit = (refusedHere ? local.limits : state.ok ? undefined : state.limits)?.[field.name];
    const sentences = refusedHere ? local.sentences : state.said;
    return tooLongSentence(key, sentences?.[TOO_LONG_TYPED], limit, typed) ?? invisibleCharacterSentence(key, sentences?.[INVISIBLE_CHARACTER_AT], typed) ?? say(key);
  };
  const current = !state.ok && state.error === "CONFLICT" ? state.current : undefined;
  const currentText = (field: FieldSpec): string => {
    const value = current?.[field.name] ?? "";
    if (field.type === "person") return current?.[`${field.name}Label`] ?? (value === field.defaultValue ? field.picker?.selectedName : undefined) ?? (value || "—");
    const label = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
    return value === "" ? "—" : field.type === "checkboxes" ? value.split(",").map(label).join(", ") : label(value);
  };
  const shownErrors = latestErrors(localErrors, state);
  const fieldError = (name: string): string | undefined => shownErrors[name];
  // A refusal in the browser (the confirmation) is the latest word: the server's earlier summary goes.
  const summary = refusedHere ? null : formSummary(state, fields.map((f) => f.name));
  // What the answer says beside the button, each once: the span shows them and the button is described by them.
  const refusal = summary && "key" in summary ? say(current ? "form.conflictWithCurrent" : summary.key) : null;
  const success = !refusedHere && state.ok ? messages?.success : undefined;
  const answerShown = Boolean(refusal || success);
  const form = (
    <form key={resetKey === undefined ? state.seq : `${state.seq}:${resetKey}`} ref={formRef} action={formAction} onSubmit={onSubmit} className={inline ? "inline-flex flex-wrap items-end gap-2" : "space-y-3"} data-testid={testId} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        // After a stale edit the form carries the version it was refused against: saving again is a deliberate overwrite.
        <input key={name} type="hidden" name={name} value={current?.[name] ?? value} />
      ))}
      {fields.map((field) => {
        if (field.revealedBy && !revealed(field)) return null;
        const error = fieldError(field.name);
        const fieldId = `${id}-${field.name}`;
        const describedBy = [error ? `${fieldId}-error` : "", field.hint ? `${fieldId}-hint` : ""].filter(Boolean).join(" ") || undefined;
        const common = {
          id: fieldId, name: field.name, defaultValue: state.ok ? field.defaultValue : (state.values?.[field.name] ?? field.defaultValue), required: field.required, "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy, className: "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600",
        };
        return (
          <div key={field.name} className={inline ? "" : "max-w-md"}>
            {/* A group of checkboxes has no one control a label could name: its legend names it, visibly. */}
            {field.type !== "checkboxes" && field.type !== "checkbox" && <label htmlFor={fieldId} className="block text-xs font-medium text-slate-700">{field.label}</label>}
            {field.type === "checkbox" ? (
              <>
                {field.asksAbout && <input type="hidden" name={field.asksAbout.name} value={askedAbout(field.asksAbout, field)} />}
                {/* Its own label names it: one box says its words once, with no legend repeating them. */}
                <label className="flex items-center gap-1 text-sm">
                  <input type="checkbox" id={fieldId} name={field.name} value="yes" aria-invalid={error ? true : undefined} aria-describedby={describedBy}
                    defaultChecked={!state.ok && !askedNow(field) && state.values?.[field.name] === "yes"} />
                  {field.label}
                </label>
              </>
            ) : field.type === "checkboxes" ? (
              (() => {
                const ticked = (state.ok || !state.values ? field.defaultValues : (state.values[field.name]?.split(",").filter(Boolean) ?? [])) ?? [];
                const group = (
                  <fieldset aria-describedby={describedBy}>
                    <legend className="block text-xs font-medium text-slate-700">{field.label}</legend>
                    {field.selectAll && <SelectAllButtons labels={field.selectAll} />}
                    <div className="mt-1 flex max-h-40 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
                      {field.options?.map((o) => (
                        <label key={o.value} className="flex items-center gap-1 text-sm">
                          <input type="checkbox" name={field.name} value={o.value} defaultChecked={ticked.includes(o.value)} />
                          {o.label}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                );
                if (!field.folded) return group;
                // Its boxes stay in the form while folded: what was ticked is sent all the same.
                return (
                  <details open={ticked.length > 0 || error ? true : undefined} onKeyDown={closeOnEscape} data-testid={`${field.name}-fold`}>
                    <summary className="cursor-pointer text-xs font-medium text-blue-800">{field.folded}</summary>
                    {group}
                  </details>
                );
              })()
            ) : field.type === "person" && field.picker ? (
              <PersonPicker
                inputId={fieldId}
                name={field.name}
                selected={pickedPerson(field)}
                none={field.picker.none}
                exclude={field.picker.exclude}
                messages={field.picker.messages}
                invalid={!!error}
                describedBy={describedBy}
              />
            ) : field.type === "people" && field.picker ? (
              <PeoplePicker inputId={fieldId} name={field.name} selected={pickedPeople(field)} exclude={field.picker.exclude}
                messages={field.picker.messages} removeLabel={field.picker.removeLabel ?? "×"} describedBy={describedBy} />
            ) : field.type === "select" && field.moreOptions ? (
              <MoreOptionsSelect options={field.options ?? []} url={field.moreOptions.url} messages={field.moreOptions.messages} selectProps={common} />
            ) : field.type === "select" ? (
              <select {...common} onChange={field.presets ? (e) => applyPreset(field.presets!, e.currentTarget.value) : undefined}>
                {optionGroups(field.options ?? []).map(([group, options]) =>
                  group === null
                    ? options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)
                    : <optgroup key={group} label={group}>{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>)}
              </select>
            ) : field.type === "textarea" ? (
              <textarea {...common} rows={2} />
            ) : (
              <input {...common} type={field.type} inputMode={field.inputMode} autoComplete={field.type === "password" ? "off" : undefined} />
            )}
            {field.hint && <p id={`${fieldId}-hint`} className="mt-0.5 text-xs text-slate-500">{field.hint}</p>}
            {current && field.name in current && (
              <p className="mt-0.5 text-xs text-amber-800" data-testid="current-value">{state.said?.["form.currentValue"] ?? "Now:"} {currentText(field)}</p>
            )}
            {error && (
              <p id={`${fieldId}-error`} role={summary && "field" in summary && summary.field === field.name ? "alert" : undefined} className="mt-0.5 text-xs text-red-700">
                {sayFor(field, error)}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex items-center gap-2">
        {/* Its answer (rendered anew with the form) describes the button the focus comes back to, so it is heard there. */}
        <button type="submit" disabled={pending} aria-describedby={answerShown ? `${id}-answer` : undefined} className={`rounded px-3 py-1 text-sm font-medium disabled:opacity-60 ${BUTTON[variant]}`}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <span id={`${id}-answer`} aria-live="polite" className="text-xs">
          {refusal && <span role="alert" className="text-red-700">{refusal}</span>}
          {refusal && refusalLink && summary && "key" in summary && summary.key === refusalLink.key && (
            <> <a href={refusalLink.href} data-testid="refusal-link">{refusalLink.label}</a></>
          )}
          {success && <span className="text-emerald-700">{success}</span>}
        </span>
      </div>
    </form>
  );
  if (!fold) return form;
  // Opened by an answer that says something; a plain success after it folds it again (the attribute goes). A reader
  // who closes it while the answer stands is left alone: the prop has not changed, so React does not touch it.
  const open = answerShown || Object.keys(shownErrors).length > 0;
  return (
    <details open={open || undefined} className={fold.className} data-testid={fold.testId} onKeyDown={closeOnEscape}>
      <summary className={fold.summaryClassName}>{fold.summary}</summary>
      {fold.intro}
      <div className="mt-2">{form}</div>
    </details>
  );
}

/** A select's options in runs: ungrouped ones as they come, each group's together where it first appears. */
function optionGroups(options: NonNullable<FieldSpec["options"]>): [string | null, NonNullable<FieldSpec["options"]>][] {
  const runs: [string | null, NonNullable<FieldSpec["options"]>][] = [];
  const byGroup = new Map<string, NonNullable<FieldSpec["options"]>>();
  for (const o of options) {
    if (o.group === undefined) {
      const last = runs.at(-1);
      if (last && last[0] === null) last[1].push(o);
      else runs.push([null, [o]]);
    } else if (byGroup.has(o.group)) byGroup.get(o.group)!.push(o);
    else {
      const list = [o];
      byGroup.set(o.group, list);
      runs.push([o.group, list]);
    }
  }
  return runs;
}

/**
 * "Select all" / "Clear" for a checkbox group: tick or clear every box of the enclosing fieldset. The boxes are the
 * form's own uncontrolled inputs, so this only sets `checked`. Drawn after hydration: without scripts they would do
 * nothing.
 */
function SelectAllButtons({ labels }: { labels: { all: string; none: string } }) {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) return null;
  const setAll = (button: HTMLButtonElement, checked: boolean) => {
    for (const box of button.closest("fieldset")?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) box.checked = checked;
  };
  return (
    <div className="mt-1 flex gap-3 text-xs">
      <button type="button" className="underline" onClick={(e) => setAll(e.currentTarget, true)}>{labels.all}</button>
      <button type="button" className="underline" onClick={(e) => setAll(e.currentTarget, false)}>{labels.none}</button>
    </div>
  );
}
