import { z } from "zod";
import { DATE_PATTERN, isValidDate } from "../dates";
import { TOOL_IDS } from "../risk/tools";
import { riskSettingsOverridesSchema } from "./risk-settings";
import { checkSnapshotReferences, checkUnknownReferencesWhereFormatAllows } from "./snapshot-references";
import { JSON_MAX_DEPTH, sanitiseJson, type JsonProblem } from "./json-safety";
import { SNAPSHOT_FORMAT } from "./snapshot-format";
import { CONTROL_CHARACTER_MESSAGE, sellerIdText, singleLine, TEXT_LIMITS } from "./text";
import { isSingleLine, PHONE_LAST4_PATTERN } from "./text-rules";
import { firstInvisibleCharacter, invisibleCharacterMessage } from "./invisible-characters";

export { DEFAULT_RISK_SETTINGS, riskSettingsSchema, riskSettingsOverridesSchema } from "./risk-settings";
export type { RiskSettings, RiskSettingsOverrides } from "./risk-settings";

export { SNAPSHOT_FORMAT };

/** The schema's own wording (the CLI prints it as is); the web import translates by these keys. */
export const SNAPSHOT_SCHEMA_MESSAGES = {
  upperCode: "expected an upper-case code such as \"JP\"",
  date: "expected a date \"YYYY-MM-DD\" or an ISO timestamp with offset (e.g. \"2026-11-23T09:00:00Z\")",
  realDate: "expected a real calendar date",
  last4: "expected the last 4 digits only",
  controlChar: CONTROL_CHARACTER_MESSAGE,
  tooDeep: `nested more than ${JSON_MAX_DEPTH} levels deep`,
  forbiddenKey: "this key is not allowed (it names a JavaScript prototype)",
} as const;

// Every string has a maximum length (published as maxLength) and refuses control characters.
const id = singleLine(TEXT_LIMITS.id).min(1);
// A name (a store's, a person's, a company's, a device's label …) refuses invisible characters too (decision 101), said
// with the character and its place ("invisible character U+200B at position 11 …").
const visible = (text: string, ctx: z.core.$RefinementCtx<string>) => {
  // A text-direction override is both: it is said once, as the control character it has always been refused as.
  const found = isSingleLine(text) ? firstInvisibleCharacter(text) : null;
  if (found) ctx.addIssue({ code: "custom", message: invisibleCharacterMessage(found), params: { reason: { key: "invisibleChar", vars: { ...found } } } });
};
const name = singleLine(TEXT_LIMITS.name).min(1).superRefine(visible);
const optionalName = singleLine(TEXT_LIMITS.name).superRefine(visible).nullable().default(null);
const upperCode = z.string().max(TEXT_LIMITS.code, { abort: true }).regex(/^[A-Z][A-Z0-9_-]*$/, SNAPSHOT_SCHEMA_MESSAGES.upperCode);

export const dateSchema = z
  .string()
  // The longest form the pattern allows: "2026-11-23T09:00:00.123456789+09:00". Both abort, so "yesterday" is one
  // problem (its shape), not also "not a real date".
  .max(35, { message: SNAPSHOT_SCHEMA_MESSAGES.date, abort: true })
  .regex(DATE_PATTERN, { message: SNAPSHOT_SCHEMA_MESSAGES.date, abort: true })
  .refine(isValidDate, SNAPSHOT_SCHEMA_MESSAGES.realDate);

const optionalDate = dateSchema.nullable().default(null);

export const personSchema = z.strictObject({
  id,
  name,
  external: z.boolean().default(false),
  company: name.nullable().default(null),
  departedAt: optionalDate,
});

export const deviceSchema = z.strictObject({
  id,
  kind: z.enum(["PHONE", "AUTHENTICATOR_APP", "SECURITY_KEY"]),
  label: optionalName,
  holderId: id.nullable().default(null),
  skipOtpOnBrowser: z.boolean().default(false),
});

export const twoStepMethodSchema = z.strictObject({
  kind: z.enum(["SMS", "VOICE", "AUTHENTICATOR_APP"]),
  role: z.enum(["PRIMARY", "BACKUP"]),
  deviceId: id.nullable().default(null),
  // Only the last four digits: Gatehouse never stores a full phone number.
  phoneLast4: z.string().max(4, { message: SNAPSHOT_SCHEMA_MESSAGES.last4, abort: true }).regex(PHONE_LAST4_PATTERN, SNAPSHOT_SCHEMA_MESSAGES.last4).nullable().default(null),
});

export const permissionGrantSchema = z.strictObject({
  tool: z.enum(TOOL_IDS),
  level: z.enum(["NONE", "VIEW", "VIEW_EDIT", "ADMIN"]),
  marketplace: upperCode.nullable().default(null),
});

export const loginSchema = z
  .strictObject({
    id,
    role: z
      .enum(["PRIMARY", "SECONDARY"])
      .describe("PRIMARY: the primary user (account administrator), who alone can grant permissions and cannot be removed or disabled in Seller Central; SECONDARY: a secondary user."),
    email: z.string().max(TEXT_LIMITS.email, { abort: true }).pipe(z.email()).nullable().default(null),
    personId: id,
    usedBy: z.array(id).optional(),
    status: z
      .enum(["INVITED", "ACTIVE", "DISABLED", "REMOVED"])
      .describe("Only ACTIVE logins are evaluated by the login rules; INVITED ones only by STALE_INVITE. A PRIMARY login that is not ACTIVE leaves its account without an administrator (NO_ACTIVE_PRIMARY)."),
    invitedAt: optionalDate,
    acceptedAt: optionalDate,
    lastLoginAt: optionalDate,
    passwordChangedAt: optionalDate,
    passwordReused: z.boolean().default(false),
    twoStep: z.array(twoStepMethodSchema).default([]),
    permissions: z.array(permissionGrantSchema).default([]),
  })
  .transform((login) => ({ ...login, usedBy: login.usedBy ?? [login.personId] }));

export const authorizedPartnerSchema = z.strictObject({
  id,
  company: name,
  linkSentAt: optionalDate,
  acceptedAt: optionalDate,
});

export const appAuthorizationSchema = z.strictObject({
  id,
  name,
  developer: optionalName,
  authorizedAt: optionalDate,
  expiresAt: optionalDate,
});

export const otherAccessSchema = z.strictObject({
  personId: id,
  console: z.enum(["ADS", "BRAND_REGISTRY"]),
  role: singleLine(TEXT_LIMITS.role).min(1),
});

export const sellerAccountSchema = z.strictObject({
  id,
  storeName: name,
  sellerId: sellerIdText().nullable().default(null),
  region: upperCode,
  marketplaces: z.array(upperCode).default([]),
  plan: z.enum(["PROFESSIONAL", "INDIVIDUAL"]),
  status: z.enum(["ACTIVE", "SUSPENDED", "DEACTIVATED"]).describe("SUSPENDED or DEACTIVATED raises the SUSPENDED finding."),
  lastVerifiedAt: optionalDate,
  logins: z
    .array(loginSchema)
    .default([])
    .describe("Every login of the account. An ACTIVE account needs a PRIMARY login with status ACTIVE; without one, audit reports NO_ACTIVE_PRIMARY (critical)."),
  partners: z.array(authorizedPartnerSchema).default([]),
  apps: z.array(appAuthorizationSchema).default([]),
  otherAccess: z.array(otherAccessSchema).default([]),
});

/** The document's shape without the "x-" stripping step; also the source of the published JSON Schema. */
export const snapshotDocumentSchema = z
  .strictObject({
    format: z.literal(SNAPSHOT_FORMAT),
    asOf: dateSchema.optional(),
    settings: riskSettingsOverridesSchema.optional(),
    people: z.array(personSchema).default([]),
    devices: z.array(deviceSchema).default([]),
    accounts: z.array(sellerAccountSchema),
  })
  // References are checked once the structure is valid: the checker may then trust every field's type.
  .superRefine(checkSnapshotReferences, { when: (payload) => payload.issues.length === 0 })
  .meta({
    title: "Gatehouse snapshot (gatehouse.snapshot/v1)",
    description:
      "Access state of one or more Amazon seller accounts. Unknown keys are errors, except keys starting with \"x-\", which are ignored. " +
      `A document is nested at most ${JSON_MAX_DEPTH} levels deep; every string has a maximum length and holds no control ` +
      "characters; the keys \"__proto__\", \"constructor\" and \"prototype\" are refused.",
  });

const isExtensionKey = (key: string) => key.startsWith("x-");

/**
 * Extension keys ("x-…") are for the author's own notes and tooling; they are dropped at every level.
 * Without recursion and without prototypes (lib/validation/json-safety.ts); a document that is too deep
 * or names a prototype is passed on as it is, for the schema to refuse (parseSnapshot reports why first).
 */
export function stripExtensionKeys(value: unknown): unknown {
  const sanitised = sanitiseJson(value, { dropKey: isExtensionKey });
  return sanitised.problems.length === 0 ? sanitised.value : value;
}

export const snapshotSchema = z.preprocess(stripExtensionKeys, snapshotDocumentSchema);

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotInput = z.input<typeof snapshotDocumentSchema>;
export type Person = z.infer<typeof personSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type TwoStepMethod = z.infer<typeof twoStepMethodSchema>;
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;
export type Login = z.infer<typeof loginSchema>;
export type AuthorizedPartner = z.infer<typeof authorizedPartnerSchema>;
export type AppAuthorization = z.infer<typeof appAuthorizationSchema>;
export type OtherAccess = z.infer<typeof otherAccessSchema>;
export type SellerAccount = z.infer<typeof sellerAccountSchema>;

/**
 * What went wrong, as data, so a reader's language can be chosen later: `key` names the kind of problem
 * and `vars` its facts. The English `message` stays the CLI's wording.
 */
export interface SnapshotErrorReason {
  key:
    | "missing" | "type" | "tooLong" | "tooMany" | "tooLarge" | "empty" | "tooShort" | "tooFew" | "tooSmall" | "oneOf" | "email"
    | "unknownKey" | keyof typeof SNAPSHOT_SCHEMA_MESSAGES | "duplicateId" | "unknownRef" | "onePrimary"
    | "loginEmailTwice" | "twoStepMethodTwice" | "onePrimaryMethod"
    | "notJson" | "notJsonAt" | "fileTooLarge" | "noInput" | "unknownClient" | "sellerIdTaken" | "sellerIdTwice" | "phoneNumberInLabel" | "invisibleChar";
  vars?: Record<string, string | number>;
}

export interface SnapshotError {
  /** JSON path such as `accounts[0].logins[1].status`; "(root)" for the document itself. */
  path: string;
  message: string;
  reason?: SnapshotErrorReason;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  // By position, not by what was written so far: an empty key ("") still takes its place, so the key after
  // it reads ".prototype", not "prototype" (a key of the root that is not there).
  path.forEach((part, i) => {
    if (typeof part === "number") out += `[${part}]`;
    else out += i === 0 ? String(part) : `.${String(part)}`;
  });
  return out === "" ? "(root)" : out;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const SCHEMA_MESSAGE_KEY = new Map(Object.entries(SNAPSHOT_SCHEMA_MESSAGES).map(([key, message]) => [message as string, key as keyof typeof SNAPSHOT_SCHEMA_MESSAGES]));

/** The structured reason of one zod issue; undefined when only the English message describes it. */
function reasonOf(issue: z.core.$ZodIssue): SnapshotErrorReason | undefined {
  const schemaKey = SCHEMA_MESSAGE_KEY.get(issue.message);
  if (schemaKey) return { key: schemaKey };
  switch (issue.code) {
    case "invalid_type":
      return "input" in issue && issue.input !== undefined
        ? { key: "type", vars: { expected: issue.expected, received: typeOf(issue.input) } }
        : { key: "missing", vars: { expected: issue.expected } };
    case "too_big": {
      const key = issue.origin === "string" ? "tooLong" : issue.origin === "array" ? "tooMany" : "tooLarge";
      return { key, vars: { max: Number(issue.maximum) } };
    }
    case "too_small": {
      if (issue.origin === "string") return Number(issue.minimum) === 1 ? { key: "empty" } : { key: "tooShort", vars: { min: Number(issue.minimum) } };
      return { key: issue.origin === "array" ? "tooFew" : "tooSmall", vars: { min: Number(issue.minimum) } };
    }
    case "invalid_value":
      return { key: "oneOf", vars: { values: issue.values.map((v) => JSON.stringify(v)).join(", ") } };
    case "invalid_format":
      return issue.format === "email" ? { key: "email" } : undefined;
    case "custom": {
      const reason = issue.params?.reason as SnapshotErrorReason | undefined;
      return reason && typeof reason.key === "string" ? reason : undefined;
    }
    default:
      return undefined;
  }
}

/** One error per problem; an unknown key is reported at its own path so it can be found and fixed. */
export function toSnapshotErrors(error: z.ZodError): SnapshotError[] {
  const errors: SnapshotError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...issue.path, key]), message: "unknown key (only keys starting with \"x-\" may be added)", reason: { key: "unknownKey" } });
      }
    } else {
      const reason = reasonOf(issue);
      errors.push(reason ? { path: formatPath(issue.path), message: issue.message, reason } : { path: formatPath(issue.path), message: issue.message });
    }
  }
  return errors;
}

export type ParseSnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: SnapshotError[] };

function problemError(problem: JsonProblem): SnapshotError {
  if (problem.kind === "tooDeep")
    return { path: formatPath(problem.path), message: SNAPSHOT_SCHEMA_MESSAGES.tooDeep, reason: { key: "tooDeep", vars: { max: JSON_MAX_DEPTH } } };
  return { path: formatPath(problem.path), message: SNAPSHOT_SCHEMA_MESSAGES.forbiddenKey, reason: { key: "forbiddenKey", vars: { key: problem.key } } };
}

/** checkUnknownReferencesWhereFormatAllows's problems, as SnapshotErrors (their reason is the issue's, as for zod's). */
function unknownReferenceErrors(document: unknown): SnapshotError[] {
  const errors: SnapshotError[] = [];
  const ctx = {
    addIssue: (issue: { path: (string | number)[]; message: string; params: { reason: SnapshotErrorReason } }) =>
      void errors.push({ path: formatPath(issue.path), message: issue.message, reason: issue.params.reason }),
  } as unknown as z.RefinementCtx;
  checkUnknownReferencesWhereFormatAllows(document, ctx);
  return errors;
}

export function parseSnapshot(input: unknown): ParseSnapshotResult {
  // Depth and prototype keys first, without recursion: the schema then only ever sees a safe copy.
  const sanitised = sanitiseJson(input, { dropKey: isExtensionKey });
  if (sanitised.problems.length > 0) return { ok: false, errors: sanitised.problems.map(problemError) };
  // reportInput: an issue then carries the value it is about, so a wrong type can be named ("received").
  const result = snapshotDocumentSchema.safeParse(sanitised.value, { reportInput: true });
  if (result.success) return { ok: true, snapshot: result.data };
  // The references the schema checks only on a document valid in format, checked where the format allows, so the
  // author hears of them in the same pass (decision 094).
  // A document valid in format had them checked by the schema already: each path is reported once.
  const errors = toSnapshotErrors(result.error);
  const reported = new Set(errors.map((e) => e.path));
  return { ok: false, errors: [...errors, ...unknownReferenceErrors(sanitised.value).filter((e) => !reported.has(e.path))] };
}
