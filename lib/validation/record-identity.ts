// What makes two records on one account the same thing, for the forms' duplicate checks (the records themselves keep
// what was typed). Pure, so the rule is unit-tested apart from the database.

import { withoutInvisibleCharacters } from "./invisible-characters";

/** A login's e-mail as Seller Central compares it: case does not matter. Null when none is recorded. */
export const loginEmailKey = (email: string | null | undefined): string | null => (email ? email.trim().toLowerCase() : null);

export interface TwoStepIdentity {
  kind: string;
  phoneLast4: string | null;
  deviceId: string | null;
}

/**
 * The same 2SV method recorded twice. A phone method (SMS, voice) is its number: same kind and same last four digits
 * (and the same device, when both name one). An authenticator app is the app on a device: the same only on the same
 * recorded device — two apps with no device recorded ("1Password" as a backup beside a primary app) are two methods,
 * and refusing them would refuse the very backup PRIMARY_NO_BACKUP asks for. Amazon does not let one phone or one app
 * be registered twice, so a copy is a typo — and it would hide SINGLE_2SV_METHOD, which counts methods.
 */
export function sameTwoStepMethod(a: TwoStepIdentity, b: TwoStepIdentity): boolean {
  if (a.kind !== b.kind) return false;
  const deviceA = a.deviceId ?? null;
  const deviceB = b.deviceId ?? null;
  if (a.kind === "AUTHENTICATOR_APP") return deviceA !== null && deviceA === deviceB;
  const lastA = a.phoneLast4 ?? null;
  return lastA !== null && lastA === (b.phoneLast4 ?? null) && (deviceA === null || deviceB === null || deviceA === deviceB);
}

/**
 * A client's name as people tell clients apart: full- and half-width forms alike (NFKC: "Ｋｕｍｏ\u3000ＫＫ" is "Kumo KK"),
 * case folded (upper then lower, so "ß" and "SS" meet), runs of spaces one space, none at the ends. Only for comparing:
 * the name is stored as typed.
 */
export const clientNameKey = (name: string): string =>
  // Invisible characters out first: a name stored before they were refused is the same name (decision 101).
  withoutInvisibleCharacters(name)
    .normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
