// The one refusal the browser makes even when it could not load its sentences (offline, decision 060): a person typed
// but not chosen, which the server would otherwise save as "nobody". Small enough to ship with every form.
export const unknownPerson = {
  ja: "この関係者は見つかりません。一覧から選んでください。",
  en: "This person was not found: choose one from the list.",
} as const;
