// What makes two records on one account the same thing, for the forms' duplicate checks (the records themselves keep
// what was typed). Pure, so the rule is unit-tested apart from the database.

/** A login's e-mail as Seller Central compares it: case does not matter. Null when none is recorded. */
export const loginEmailKey = (email: string | null | undefined): string | null => (email ? email.trim().toLowerCase() : null);

export interface TwoStepIdentity {
  kind: string;
  phoneLast4: string | null;
  deviceId: string | null;
}

/**
 * The same 2SV method recorded twice: same kind on the same device (or both without one) with the same last four
 * digits. Amazon does not let one phone or one authenticator app be registered twice, so a copy is a typo — and it
 * would hide SINGLE_2SV_METHOD, which counts methods.
 */
export const sameTwoStepMethod = (a: TwoStepIdentity, b: TwoStepIdentity): boolean =>
  a.kind === b.kind && (a.phoneLast4 ?? null) === (b.phoneLast4 ?? null) && (a.deviceId ?? null) === (b.deviceId ?? null);

/**
 * A client's name as people tell clients apart: full- and half-width forms alike (NFKC: "Ｋｕｍｏ\u3000ＫＫ" is "Kumo KK"),
 * case folded (upper then lower, so "ß" and "SS" meet), runs of spaces one space, none at the ends. Only for comparing:
 * the name is stored as typed.
 */
export const clientNameKey = (name: string): string =>
  name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
