// A page with many records of one kind (an account's logins, their 2SV methods) gives every record's form
// the same field descriptions: built once per page (sharedFor), they are one object that the flight payload
// carries once and names by a single reference after, and each form adds only its record's values
// (issue 15, decision 034 "Stop 28": ~1.5 kB of labels, hints and option references per login before).

interface FieldLike {
  name: string;
  defaultValue?: string;
  picker?: object;
}

/** A record's own part of a picker field: who is chosen, who may not be, the chips to begin with. */
export interface RecordPicker {
  selectedName?: string;
  exclude?: string;
  selectedPeople?: { id: string; name: string }[];
}

/**
 * The shared descriptions with one record's values: `values[name]` becomes that field's default, and
 * `pickers[name]` is laid over its picker. The descriptions themselves are not changed (other forms share them).
 */
export function withRecordValues<F extends FieldLike>(fields: readonly F[], values?: Record<string, string>, pickers?: Record<string, RecordPicker>): F[] {
  if (!values && !pickers) return [...fields];
  return fields.map((field) => {
    const value = values?.[field.name];
    const picker = pickers?.[field.name];
    if (value === undefined && !picker) return field;
    return {
      ...field,
      ...(value !== undefined && { defaultValue: value }),
      ...(picker && field.picker && { picker: { ...field.picker, ...picker } }),
    };
  });
}

/**
 * A record's values without those its form would show anyway (equal to the shared field's default, "" when it has
 * none): `withRecordValues` then leaves that field's default, so the form is the same, and the page's flight does
 * not carry each record's empty dates and default choices (decision 057). Names no field describes are kept.
 */
export function sparseRecordValues(fields: readonly FieldLike[], values: Record<string, string>): Record<string, string> {
  const defaults = new Map(fields.map((f) => [f.name, f.defaultValue ?? ""]));
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => defaults.get(name) !== value));
}

/** The inverse, for code that reads a record's values itself: every field's value, its default where left out. */
export function fullRecordValues(fields: readonly FieldLike[], values: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""])), ...values };
}
