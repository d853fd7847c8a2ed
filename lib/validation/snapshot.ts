import { z } from "zod";
import { DATE_PATTERN, isValidDate } from "../dates";
import { TOOL_IDS } from "../risk/tools";
import { riskSettingsOverridesSchema } from "./risk-settings";
import { checkSnapshotReferences } from "./snapshot-references";

export { DEFAULT_RISK_SETTINGS, riskSettingsSchema, riskSettingsOverridesSchema } from "./risk-settings";
export type { RiskSettings, RiskSettingsOverrides } from "./risk-settings";

export const SNAPSHOT_FORMAT = "gatehouse.snapshot/v1";

/** The schema's own wording (the CLI prints it as is); the web import translates by these keys. */
export const SNAPSHOT_SCHEMA_MESSAGES = {
  upperCode: "expected an upper-case code such as \"JP\"",
  date: "expected a date \"YYYY-MM-DD\" or an ISO timestamp with offset (e.g. \"2026-11-23T09:00:00Z\")",
  realDate: "expected a real calendar date",
  last4: "expected the last 4 digits only",
} as const;

const id = z.string().min(1).max(200);
const upperCode = z.string().regex(/^[A-Z][A-Z0-9_-]*$/, SNAPSHOT_SCHEMA_MESSAGES.upperCode);

export const dateSchema = z
  .string()
  .regex(DATE_PATTERN, SNAPSHOT_SCHEMA_MESSAGES.date)
  .refine(isValidDate, SNAPSHOT_SCHEMA_MESSAGES.realDate);

const optionalDate = dateSchema.nullable().default(null);

export const personSchema = z.strictObject({
  id,
  name: z.string().min(1),
  external: z.boolean().default(false),
  company: z.string().min(1).nullable().default(null),
  departedAt: optionalDate,
});

export const deviceSchema = z.strictObject({
  id,
  kind: z.enum(["PHONE", "AUTHENTICATOR_APP", "SECURITY_KEY"]),
  label: z.string().nullable().default(null),
  holderId: id.nullable().default(null),
  skipOtpOnBrowser: z.boolean().default(false),
});

export const twoStepMethodSchema = z.strictObject({
  kind: z.enum(["SMS", "VOICE", "AUTHENTICATOR_APP"]),
  role: z.enum(["PRIMARY", "BACKUP"]),
  deviceId: id.nullable().default(null),
  // Only the last four digits: Gatehouse never stores a full phone number.
  phoneLast4: z.string().regex(/^\d{4}$/, SNAPSHOT_SCHEMA_MESSAGES.last4).nullable().default(null),
});

export const permissionGrantSchema = z.strictObject({
  tool: z.enum(TOOL_IDS),
  level: z.enum(["NONE", "VIEW", "VIEW_EDIT", "ADMIN"]),
  marketplace: upperCode.nullable().default(null),
});

export const loginSchema = z
  .strictObject({
    id,
    role: z.enum(["PRIMARY", "SECONDARY"]),
    email: z.email().nullable().default(null),
    personId: id,
    usedBy: z.array(id).optional(),
    status: z.enum(["INVITED", "ACTIVE", "DISABLED", "REMOVED"]),
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
  company: z.string().min(1),
  linkSentAt: optionalDate,
  acceptedAt: optionalDate,
});

export const appAuthorizationSchema = z.strictObject({
  id,
  name: z.string().min(1),
  developer: z.string().nullable().default(null),
  authorizedAt: optionalDate,
  expiresAt: optionalDate,
});

export const otherAccessSchema = z.strictObject({
  personId: id,
  console: z.enum(["ADS", "BRAND_REGISTRY"]),
  role: z.string().min(1),
});

export const sellerAccountSchema = z.strictObject({
  id,
  storeName: z.string().min(1),
  sellerId: z.string().nullable().default(null),
  region: upperCode,
  marketplaces: z.array(upperCode).default([]),
  plan: z.enum(["PROFESSIONAL", "INDIVIDUAL"]),
  status: z.enum(["ACTIVE", "SUSPENDED", "DEACTIVATED"]),
  lastVerifiedAt: optionalDate,
  logins: z.array(loginSchema).default([]),
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
      "Access state of one or more Amazon seller accounts. Unknown keys are errors, except keys starting with \"x-\", which are ignored.",
  });

/** Extension keys ("x-…") are for the author's own notes and tooling; they are dropped at every level. */
export function stripExtensionKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensionKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!key.startsWith("x-")) out[key] = stripExtensionKeys(child);
  }
  return out;
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
    | "notJson" | "notJsonAt" | "fileTooLarge" | "noInput" | "unknownClient" | "sellerIdTaken" | "sellerIdTwice" | "accountIdTaken";
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
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
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

export function parseSnapshot(input: unknown): ParseSnapshotResult {
  // reportInput: an issue then carries the value it is about, so a wrong type can be named ("received").
  const result = snapshotSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, snapshot: result.data } : { ok: false, errors: toSnapshotErrors(result.error) };
}
