import type { RefinementCtx } from "zod";
import { isValidDate } from "../dates";
import { TOOL_IDS } from "../risk/tools";
import type { ParseSnapshotResult, Snapshot } from "./snapshot";
import { SNAPSHOT_FORMAT } from "./snapshot-format";
import { checkAccountIds, checkAccountReferences, checkPeopleAndDevices, type DeviceUseRecorder } from "./snapshot-references";
import { isSingleLine, PHONE_LAST4_PATTERN, TEXT_LIMITS } from "./text-rules";
import { hasNoInvisibleCharacter } from "./invisible-characters";

// The bulk path of snapshot validation (issue 15, decision 024), without zod: this module imports none, so
// the audit command loads zod (~0.13 s of a run) only for a file that needs it — one with `settings` (checked
// by the zod schema) or with a problem, which parseSnapshot (sanitising, then zod) reports by JSON path
// (decision 030, stop 30). zod stays the single source of the schema and of every message: this
// hand-written check of the same rules only answers "valid or not". A valid document is completed in place
// with the schema's defaults and returned; at the first problem it gives up.
// It accepts exactly what parseSnapshot accepts, except that it also gives up on documents zod would
// accept after sanitising: any key outside the schema (an "x-" extension key included) sends the whole
// document down the zod path. lib/validation/snapshot-fast.test.ts checks the equivalence with fast-check
// on generated valid and mutated documents. Change a schema in snapshot.ts, change it here too: that test
// fails until both agree.

/** A zod schema's safeParse, as far as this check needs it. */
export type SettingsParser = (value: unknown) => { success: true; data: unknown } | { success: false };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** Every own key is one of `allowed` (a strict object: unknown keys are errors, "x-" keys need sanitising). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}
const keys = (...names: string[]) => new Set(names);

// The objects inside a document (~1.5 million in a 50,000-account one) are checked for unknown keys by
// counting instead (decision 098): `keyCount(v) === given(v.id) + given(v.name) + …` over the schema's keys
// holds only if every key for-in sees is one of them, as long as no listed key is inherited (none is a
// property of Object.prototype) and no key holds `undefined` (JSON has none; an object that has one is only
// refused here, and zod decides). A Set lookup per key was ~5 % of the check's instructions (decision 092);
// the named reads are loads from known offsets.
/** The keys for-in sees: own and inherited enumerable string keys, as onlyKeys walks them. */
function keyCount(o: Obj): number {
  let count = 0;
  for (const _ in o) count++;
  return count;
}
/** 1 for a field that is given (not undefined), else 0. */
const given = (v: unknown): number => (v === undefined ? 0 : 1);

/** Code points, as zod's `.max()` counts a string over the limit in code units (a surrogate pair is one). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
const within = (text: string, max: number) => text.length <= max || codePoints(text) <= max;

/** singleLine(max) (lib/validation/text.ts), with `.min(1)` when `nonEmpty`. */
const line = (v: unknown, max: number, nonEmpty: boolean): boolean =>
  typeof v === "string" && within(v, max) && (!nonEmpty || v.length >= 1) && isSingleLine(v);
const id = (v: unknown) => line(v, TEXT_LIMITS.id, true);
// A name refuses invisible characters as well (decision 101; snapshot.ts `visible`).
const name = (v: unknown) => line(v, TEXT_LIMITS.name, true) && hasNoInvisibleCharacter(v as string);
const UPPER_CODE = /^[A-Z][A-Z0-9_-]*$/;
const upperCode = (v: unknown) => typeof v === "string" && within(v, TEXT_LIMITS.code) && UPPER_CODE.test(v);
// isValidDate parses with DATE_PATTERN itself (a plain date without it): testing the pattern first ran the
// regular expression on ~1 million dates for nothing.
const date = (v: unknown) => typeof v === "string" && within(v, 35) && isValidDate(v);
const last4 = (v: unknown) => typeof v === "string" && within(v, 4) && PHONE_LAST4_PATTERN.test(v);
/**
 * zod's `z.regexes.email` (zod 4.6), which the schema's `z.email()` uses, copied so that this check loads no
 * zod; snapshot-check.test.ts holds it equal to zod's own.
 */
// eslint-disable-next-line no-useless-escape -- zod's source character for character (the test compares them)
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const email = (v: unknown) => typeof v === "string" && within(v, TEXT_LIMITS.email) && EMAIL_PATTERN.test(v);
const oneOf = (...values: string[]) => {
  const set = new Set(values);
  return (v: unknown) => typeof v === "string" && set.has(v);
};

// The three helpers below take the field's value as read by their caller (`o.email`), not only its key:
// a keyed read `o[key]` inside a helper shares one inline cache among every object kind and key that calls
// it, so V8 made it a megamorphic lookup (~113 million instructions on 10,000 accounts, decision 092),
// where the caller's own `o.email` is a plain load from a known offset. The key is used only to fill in a
// missing field.

/** `field: check.nullable().default(fallback)` — missing → fallback; null allowed. `v` is `o[key]`. */
function nullableDefault(o: Obj, key: string, v: unknown, check: (v: unknown) => boolean): boolean {
  if (v === undefined) {
    o[key] = null;
    return true;
  }
  return v === null || check(v);
}
/** `field: z.boolean().default(false)`. `v` is `o[key]`. */
function booleanDefault(o: Obj, key: string, v: unknown): boolean {
  if (v === undefined) {
    o[key] = false;
    return true;
  }
  return typeof v === "boolean";
}
/** `field: z.array(item).default([])`; each item checked (and completed) by `item`. `v` is `o[key]`. */
function arrayDefault(o: Obj, key: string, v: unknown, item: (v: unknown) => boolean): boolean {
  if (v === undefined) {
    o[key] = [];
    return true;
  }
  return arrayOf(v, item);
}
function arrayOf(v: unknown, item: (v: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}

const person = (v: unknown) =>
  isObject(v) && keyCount(v) === given(v.id) + given(v.name) + given(v.external) + given(v.company) + given(v.departedAt) && id(v.id) && name(v.name) && booleanDefault(v, "external", v.external) && nullableDefault(v, "company", v.company, name) && nullableDefault(v, "departedAt", v.departedAt, date);

const deviceKind = oneOf("PHONE", "AUTHENTICATOR_APP", "SECURITY_KEY");
const optionalName = (v: unknown) => line(v, TEXT_LIMITS.name, false) && hasNoInvisibleCharacter(v as string);
const device = (v: unknown) =>
  isObject(v) && keyCount(v) === given(v.id) + given(v.kind) + given(v.label) + given(v.holderId) + given(v.skipOtpOnBrowser) && id(v.id) && deviceKind(v.kind) && nullableDefault(v, "label", v.label, optionalName) && nullableDefault(v, "holderId", v.holderId, id) && booleanDefault(v, "skipOtpOnBrowser", v.skipOtpOnBrowser);

const methodKind = oneOf("SMS", "VOICE", "AUTHENTICATOR_APP");
const methodRole = oneOf("PRIMARY", "BACKUP");
const method = (v: unknown) => isObject(v) && keyCount(v) === given(v.kind) + given(v.role) + given(v.deviceId) + given(v.phoneLast4) && methodKind(v.kind) && methodRole(v.role) && nullableDefault(v, "deviceId", v.deviceId, id) && nullableDefault(v, "phoneLast4", v.phoneLast4, last4);

const tool = oneOf(...TOOL_IDS);
const level = oneOf("NONE", "VIEW", "VIEW_EDIT", "ADMIN");
const grant = (v: unknown) => isObject(v) && keyCount(v) === given(v.tool) + given(v.level) + given(v.marketplace) && tool(v.tool) && level(v.level) && nullableDefault(v, "marketplace", v.marketplace, upperCode);

const loginRole = oneOf("PRIMARY", "SECONDARY");
const loginStatus = oneOf("INVITED", "ACTIVE", "DISABLED", "REMOVED");
function login(v: unknown): boolean {
  if (!(isObject(v) && keyCount(v) === given(v.id) + given(v.role) + given(v.email) + given(v.personId) + given(v.usedBy) + given(v.status) + given(v.invitedAt) + given(v.acceptedAt) + given(v.lastLoginAt) + given(v.passwordChangedAt) + given(v.passwordReused) + given(v.twoStep) + given(v.permissions) && id(v.id) && loginRole(v.role) && nullableDefault(v, "email", v.email, email) && id(v.personId))) return false;
  if (v.usedBy !== undefined && !arrayOf(v.usedBy, id)) return false;
  if (!(loginStatus(v.status) && nullableDefault(v, "invitedAt", v.invitedAt, date) && nullableDefault(v, "acceptedAt", v.acceptedAt, date) && nullableDefault(v, "lastLoginAt", v.lastLoginAt, date))) return false;
  if (!(nullableDefault(v, "passwordChangedAt", v.passwordChangedAt, date) && booleanDefault(v, "passwordReused", v.passwordReused) && arrayDefault(v, "twoStep", v.twoStep, method) && arrayDefault(v, "permissions", v.permissions, grant))) return false;
  // The schema's transform: a login is used by its own person unless it says otherwise.
  if (v.usedBy === undefined) v.usedBy = [v.personId];
  return true;
}

const partner = (v: unknown) => isObject(v) && keyCount(v) === given(v.id) + given(v.company) + given(v.linkSentAt) + given(v.acceptedAt) && id(v.id) && name(v.company) && nullableDefault(v, "linkSentAt", v.linkSentAt, date) && nullableDefault(v, "acceptedAt", v.acceptedAt, date);

const app = (v: unknown) =>
  isObject(v) && keyCount(v) === given(v.id) + given(v.name) + given(v.developer) + given(v.authorizedAt) + given(v.expiresAt) && id(v.id) && name(v.name) && nullableDefault(v, "developer", v.developer, optionalName) && nullableDefault(v, "authorizedAt", v.authorizedAt, date) && nullableDefault(v, "expiresAt", v.expiresAt, date);

const consoleKind = oneOf("ADS", "BRAND_REGISTRY");
const other = (v: unknown) => isObject(v) && keyCount(v) === given(v.personId) + given(v.console) + given(v.role) && id(v.personId) && consoleKind(v.console) && line(v.role, TEXT_LIMITS.role, true);

const plan = oneOf("PROFESSIONAL", "INDIVIDUAL");
const accountStatus = oneOf("ACTIVE", "SUSPENDED", "DEACTIVATED");
const sellerId = (v: unknown) => line(v, TEXT_LIMITS.sellerId, true);
const account = (v: unknown) =>
  isObject(v) && keyCount(v) === given(v.id) + given(v.storeName) + given(v.sellerId) + given(v.region) + given(v.marketplaces) + given(v.plan) + given(v.status) + given(v.lastVerifiedAt) + given(v.logins) + given(v.partners) + given(v.apps) + given(v.otherAccess) && id(v.id) && name(v.storeName) && nullableDefault(v, "sellerId", v.sellerId, sellerId) && upperCode(v.region) &&
  arrayDefault(v, "marketplaces", v.marketplaces, upperCode) && plan(v.plan) && accountStatus(v.status) && nullableDefault(v, "lastVerifiedAt", v.lastVerifiedAt, date) &&
  arrayDefault(v, "logins", v.logins, login) && arrayDefault(v, "partners", v.partners, partner) && arrayDefault(v, "apps", v.apps, app) && arrayDefault(v, "otherAccess", v.otherAccess, other);

const DOCUMENT = keys("format", "asOf", "settings", "people", "devices", "accounts");

/**
 * The document completed with its defaults when it is valid as it stands; null at the first problem (or
 * key zod would have to sanitise away). Mutates `input`: only for a document the caller gives up. A
 * `settings` object is checked by `parseSettings` (the zod schema riskSettingsOverridesSchema's safeParse).
 * `uses`, if given, receives the document's device uses as the walk reads them (checkAccountReferences):
 * complete only when the document is returned.
 */
export function validSnapshotInPlace(input: unknown, parseSettings: SettingsParser, uses?: DeviceUseRecorder): Snapshot | null {
  if (!isObject(input) || !onlyKeys(input, DOCUMENT) || input.format !== SNAPSHOT_FORMAT) return null;
  if (input.asOf !== undefined && !date(input.asOf)) return null;
  if (input.settings !== undefined) {
    const settings = parseSettings(input.settings);
    if (!settings.success) return null;
    input.settings = settings.data;
  }
  if (!(arrayDefault(input, "people", input.people, person) && arrayDefault(input, "devices", input.devices, device) && Array.isArray(input.accounts))) return null;
  // The schema's reference check (superRefine), run as the walk goes: each account's references right after
  // its structure, while its objects are still in the processor's cache (decision 043). Any issue means the
  // zod path reports it, so the order of the checks does not matter here.
  let referencesOk = true;
  const ctx = { addIssue: () => (referencesOk = false) } as unknown as RefinementCtx;
  const tables = checkPeopleAndDevices(input as unknown as Snapshot, ctx);
  const accounts: unknown[] = input.accounts;
  for (let a = 0; a < accounts.length && referencesOk; a++) {
    if (!account(accounts[a])) return null;
    checkAccountReferences(accounts[a] as Snapshot["accounts"][number], a, tables, ctx, uses);
  }
  if (referencesOk) checkAccountIds(accounts as Snapshot["accounts"], ctx);
  return referencesOk ? (input as unknown as Snapshot) : null;
}

/**
 * parseSnapshotOwned (snapshot-fast.ts) with zod loaded only when the document needs it: to check its
 * `settings`, or to report its problems by JSON path (parseSnapshot). The same result, errors included.
 * With `uses`, a document the fast check accepts has its device uses recorded there, and the result says so
 * (`usesRecorded`); on the zod path they are not (`uses` may then hold a part of them: not to be used).
 */
export async function parseSnapshotOwnedOnDemand(input: unknown, uses?: DeviceUseRecorder): Promise<ParseSnapshotResult & { usesRecorded?: true }> {
  const settingsSchema = isObject(input) && input.settings !== undefined ? (await import("./risk-settings")).riskSettingsOverridesSchema : null;
  const snapshot = validSnapshotInPlace(input, (value) => (settingsSchema === null ? { success: false } : settingsSchema.safeParse(value)), uses);
  if (snapshot) return uses === undefined ? { ok: true, snapshot } : { ok: true, snapshot, usesRecorded: true };
  // As in parseSnapshotOwned: defaults the check filled in before giving up are values zod fills in itself.
  return (await import("./snapshot")).parseSnapshot(input);
}
