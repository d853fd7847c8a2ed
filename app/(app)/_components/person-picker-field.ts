import type { FieldSpec } from "@/components/action-form";
import type { Translate } from "@/lib/i18n/server";
import { sharedFor } from "@/lib/i18n/shared-by-translator";

/** A person field of an edit form: a combobox searching /api/people (components/person-picker.tsx). */
export function personPickerField(
  t: Translate,
  field: { name: string; label: string; hint?: string },
  chosen: { id: string; name: string | undefined } | null,
  options: { none?: string; exclude?: string } = {},
): FieldSpec {
  return {
    ...field,
    type: "person",
    defaultValue: chosen?.id ?? "",
    // Only the parts that are set: an undefined key still costs the flight `"key":"$undefined"` (decision 057).
    picker: {
      messages: sharedFor(t, "picker.messages", () => ({ placeholder: t("picker.placeholder"), noMatch: t("picker.noMatch"), failed: t("picker.failed"), found: t("picker.found") })),
      ...(chosen?.name !== undefined && { selectedName: chosen.name }),
      ...(options.none && { none: { id: "", name: options.none } }),
      ...(options.exclude !== undefined && { exclude: options.exclude }),
    },
  };
}
