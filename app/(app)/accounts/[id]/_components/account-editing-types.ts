import type { FieldSpec, FormMessages } from "@/components/action-form";
import type { RecordPicker } from "@/lib/forms/shared-fields";

// What the account page's editors are made of, fetched when a writer first reaches for one (decision 063): the
// page itself carries only each editor's closed summary. Plain JSON: the route (../editing/route.ts) sends it and
// the client panels build their forms from it; their server actions they import themselves.

export type ChildKind = "partner" | "app" | "otherAccess";

/** One login's own part: its values, its 2SV methods (their line is built in the browser), its levels and its removal sentence. */
export interface LoginEditorRecord {
  id: string;
  /** The edit form's values (those unlike the defaults) and pickers over `editFields`; or, when the read had no values for it, whole fields. */
  form: { values: Record<string, string>; pickers: Record<string, RecordPicker> } | { fields: FieldSpec[] };
  /** Each method's form values over `methodFields`, those unlike the defaults (the kind is always there). */
  methods: { id: string; values: Record<string, string> }[];
  /** The add-method form's values: its role is the primary one while the login has no primary method (stop 42). */
  addMethodValues: Record<string, string>;
  /** Secondary logins only: field name ("g.TOOL" / "g.TOOL.MP") → level now. */
  levels: Record<string, string> | null;
  removeWhat: string;
}

/** An app, partner or other-access row's own part: its id, its form values and (other access) the chosen person's name. */
export interface ChildRecord {
  id: string;
  values: Record<string, string>;
  pickers?: Record<string, RecordPicker>;
}

/** The matrix's words (its tool names are the catalogue's, imported in the browser). */
export interface MatrixLabels {
  caption: string; tool: string; global: string; save: string; saving: string; saved: string;
  levels: Record<string, string>;
}

export interface AccountEditing {
  accountId: string;
  /** The account's version the forms are saved against: the one this was read at. */
  version: number;
  /** The language its words are in: the page reads them again when the reader switches. */
  locale: "ja" | "en";
  messages: FormMessages;
  words: {
    save: string; saving: string; removeConfirm: string;
    addLogin: string; addMethod: string; addMethodSubmit: string; editMethod: string; removeMethodAsk: string; removeMethodWhat: string;
    editPermissions: string; removeLogin: string; removeChildWhat: string;
  };
  account: {
    /** Without the region's and marketplaces' choices: codes the browser adds back (lib/forms/marketplace-choices.ts). */
    fields: FieldSpec[];
    removeWhat: string;
  };
  addLogin: { fields: FieldSpec[] };
  logins: {
    editFields: FieldSpec[];
    methodFields: FieldSpec[];
    marketplaces: string[];
    /** Null when the account has no secondary login (a primary user holds every tool). */
    matrix: MatrixLabels | null;
    records: Record<string, LoginEditorRecord>;
  };
  children: {
    fields: Record<ChildKind, FieldSpec[]>;
    records: Record<string, ChildRecord>;
  };
}

/** What the closed editors show before anything is fetched: their summaries, and the words of fetching. */
export interface EditingSummaries {
  editLogin: string;
  addLogin: string;
  editAccount: string;
  removeAccount: string;
  editChild: string;
  removeChild: string;
  addChild: Record<ChildKind, string>;
  loading: string;
  failed: string;
  retry: string;
}
