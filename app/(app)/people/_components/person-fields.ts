import type { FieldSpec } from "@/components/action-form";
import type { Translate } from "@/lib/i18n/server";

/**
 * Asked only after the server refused a name someone already has (lib/db/people/same-named-people.ts). One box,
 * its words said once; it carries the name it was asked about (`sameNameAsked`), so the tick confirms that name only.
 */
export function confirmSameNameField(t: Translate, refusal: "validation.personNameTaken" | "validation.loginPersonNameTaken"): FieldSpec {
  return { name: "confirmSameName", label: t("people.confirmSameName"), type: "checkbox", revealedBy: refusal, asksAbout: { name: "sameNameAsked", fromVar: "name" } };
}

/** A person's own facts (add and edit share them, and the schema behind them). */
export function personFields(t: Translate, v?: Record<string, string>): FieldSpec[] {
  return [
    { name: "name", label: t("people.name"), type: "text", required: true, defaultValue: v?.name ?? "" },
    { name: "email", label: t("people.email"), type: "text", defaultValue: v?.email ?? "" },
    { name: "company", label: t("people.company"), type: "text", defaultValue: v?.company ?? "" },
    { name: "external", label: t("person.externalField"), type: "select", defaultValue: v?.external ?? "no", options: [{ value: "no", label: t("logins.internal") }, { value: "yes", label: t("logins.external") }] },
    { name: "departedAt", label: t("person.departedAt"), type: "date", defaultValue: v?.departedAt ?? "", hint: t("person.departedHint") },
  ];
}
