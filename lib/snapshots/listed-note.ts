import { interpolate } from "../i18n/format";
import type { ListedPart } from "./plan";

const PARTS: readonly ListedPart[] = ["logins", "partners", "apps", "otherAccess"];

export interface ListedNoteLabels {
  /** Template with {parts} (what the file lists) and {kept} (what stays as stored). */
  note: string;
  /** Template with {parts}, for a file that lists every part (nothing is kept as stored). */
  noteAll: string;
  parts: Record<ListedPart, string>;
}

/** The preview's note on a spreadsheet: the parts it lists, and only the parts it does not list as kept. */
export function listedNote(listed: readonly ListedPart[] | undefined, labels: ListedNoteLabels, locale: string): string {
  const given = PARTS.filter((p) => (listed ?? ["logins"]).includes(p));
  const kept = PARTS.filter((p) => !given.includes(p));
  const join = (parts: ListedPart[]) => parts.map((p) => labels.parts[p]).join(locale === "ja" ? "、" : ", ");
  return interpolate(kept.length ? labels.note : labels.noteAll, { parts: join(given), kept: join(kept) }, locale);
}
