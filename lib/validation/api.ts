import { z } from "zod";
import { IDEMPOTENCY_KEY_MAX_LENGTH } from "./limits";
import { RULE_IDS } from "../risk/types";
import { CLIENT_NAME_MAX_LENGTH } from "./clients";
import { CONTROL_CHARACTER_KEY, isSingleLine, SINGLE_LINE_PATTERN } from "./text";
import { firstInvisibleCharacter, INVISIBLE_CHARACTER_AT } from "./invisible-characters";

// Every shape /api/v1 reads or answers, in one place: the route handlers parse with these and the
// OpenAPI document (lib/api/openapi.ts) is generated from them. Messages are catalogue keys, worded
// in the caller's language by the wrapper (lib/api/define-api-route.ts).

export const API_LIST_MAX = 500;
export const API_LIST_DEFAULT = 100;
const SEVERITY_VALUES = ["critical", "high", "medium", "low"] as const;
const STATUS_VALUES = ["open", "accepted", "resolved"] as const;

const limit = z.coerce
  .number("api.problem.limit")
  .int("api.problem.limit")
  .min(1, "api.problem.limit")
  .max(API_LIST_MAX, "api.problem.limit")
  .default(API_LIST_DEFAULT)
  .meta({ description: `Rows per page, 1–${API_LIST_MAX}.` });
const cursor = z.string().max(500, "api.problem.cursor").optional().meta({ description: "The previous page's `next`, as it was." });
// A name or external id in a query is one line: a control character names nothing, and a NUL, which PostgreSQL
// refuses in text, answered 500 (invalid_request now, with the problem by path, as for one too long).
const queryText = (max = 200) => z.string().min(1, "api.problem.text").max(max, "api.problem.text").regex(SINGLE_LINE_PATTERN, CONTROL_CHARACTER_KEY);
const clientName = queryText(CLIENT_NAME_MAX_LENGTH);

export const listQuerySchema = z.object({ limit, cursor });
export const accountsQuerySchema = listQuerySchema.extend({
  client: clientName.optional().meta({ description: "Only this client's accounts (by name). A name of no client the token can reach is 404 `not_found`." }),
});
export type AccountsQuery = z.infer<typeof accountsQuerySchema>;

export const findingsQuerySchema = listQuerySchema.extend({
  status: z.enum(STATUS_VALUES, "api.problem.oneOf").optional().meta({ description: "Only findings in this state (default: every state)." }),
  severity: z.enum(SEVERITY_VALUES, "api.problem.oneOf").optional(),
  account: queryText().optional().meta({ description: "Only this account's findings (its external id). An id of no account the token can reach is 404 `not_found`." }),
});
export type FindingsQuery = z.infer<typeof findingsQuerySchema>;

export const snapshotQuerySchema = z.object({
  client: clientName.optional().meta({ description: "The client's name; without it, the organisation (or the token's clients)." }),
});
export type SnapshotQuery = z.infer<typeof snapshotQuerySchema>;

/**
 * The upsert's `client`, which creates the client it names when there is none: a new client's name refuses invisible
 * characters as the client form does (decision 101), said with where ("Invisible character at position 11 (U+200B)").
 * The reads' `client` only looks a name up and stays as it was.
 */
export const snapshotUpsertQuerySchema = z.object({
  client: clientName
    .superRefine((text, ctx) => {
      // A text-direction override is both: said once, as the control character it has always been refused as.
      const found = isSingleLine(text) ? firstInvisibleCharacter(text) : null;
      if (found) ctx.addIssue({ code: "custom", message: INVISIBLE_CHARACTER_AT, params: { vars: { ...found } } });
    })
    .optional()
    .meta({ description: "The client's name; without it, the organisation (or the token's clients)." }),
});

/** A path id that cannot exist (too long, a control character) is simply not found (the wrapper answers 404). */
export const accountParamsSchema = z.object({ id: z.string().min(1).max(200).regex(SINGLE_LINE_PATTERN).meta({ description: "The account's external id." }) });

export const problemSchema = z.object({ path: z.string(), message: z.string() }).meta({ id: "Problem" });
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(["unauthorized", "forbidden", "not_found", "invalid_request", "invalid_snapshot", "conflict", "rate_limited", "too_large"]),
      message: z.string().meta({ description: "In the caller's language (Accept-Language: ja or en; default en)." }),
      problems: z.array(problemSchema).optional().meta({ description: "Only with 422." }),
    }),
  })
  .meta({ id: "Error" });

const severity = z.enum(SEVERITY_VALUES);
const subject = z.object({ type: z.enum(["account", "login", "device", "person", "partner", "app"]), id: z.string().meta({ description: "External id, as in the snapshot." }) });

export const openCountsSchema = z.object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() }).meta({ id: "OpenCounts" });
export const apiAccountSchema = z
  .object({
    id: z.string().meta({ description: "External id (the snapshot's account id)." }),
    sellerId: z.string().nullable(),
    storeName: z.string(),
    client: z.string().nullable(),
    score: z.number().int(),
    open: openCountsSchema,
  })
  .meta({ id: "Account" });
export type ApiAccount = z.infer<typeof apiAccountSchema>;

export const auditFindingSchema = z
  .object({
    rule: z.enum(RULE_IDS),
    severity,
    subject,
    evidence: z.string(),
    remediation: z.object({ ja: z.string(), en: z.string() }),
  })
  .meta({ id: "AuditFinding" });

export const apiAccountDetailSchema = apiAccountSchema
  .extend({
    region: z.string(),
    marketplaces: z.array(z.string()),
    plan: z.enum(["PROFESSIONAL", "INDIVIDUAL"]),
    status: z.enum(["ACTIVE", "SUSPENDED", "DEACTIVATED"]),
    findings: z.array(auditFindingSchema.extend({ status: z.enum(["open", "accepted"]) })).meta({ description: "Current findings as `gatehouse audit --json` gives them, with their state in the app." }),
  })
  .meta({ id: "AccountDetail" });
export type ApiAccountDetail = z.infer<typeof apiAccountDetailSchema>;

export const apiFindingSchema = z
  .object({ account: z.string().meta({ description: "The account's external id." }), rule: z.enum(RULE_IDS), severity, subject, evidence: z.string(), status: z.enum(STATUS_VALUES) })
  .meta({ id: "Finding" });
export type ApiFinding = z.infer<typeof apiFindingSchema>;

const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), next: z.string().nullable().meta({ description: "Cursor of the next page; null on the last." }) }).meta({ id });
export const accountListSchema = page(apiAccountSchema, "AccountList");
export const findingListSchema = page(apiFindingSchema, "FindingList");

export const auditResultSchema = z
  .object({
    asOf: z.string(),
    accounts: z.array(z.object({ id: z.string(), score: z.number().int(), findings: z.array(auditFindingSchema) })),
  })
  .meta({ id: "AuditResult", description: "Byte for byte what `gatehouse audit --json` prints for the same snapshot." });

const upsertCountsSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** `accounts` as API.md pins it; `people` and `devices` so that a file changing only those is not answered "unchanged" (decision 082). */
export const snapshotUpsertResultSchema = z
  .object({
    accounts: upsertCountsSchema,
    people: upsertCountsSchema.describe("People of the file: created, changed, and listed as stored."),
    devices: upsertCountsSchema.describe("Devices of the file: created, changed, and listed as stored."),
  })
  .meta({ id: "SnapshotUpsertResult" });
export type SnapshotUpsertResult = z.infer<typeof snapshotUpsertResultSchema>;

/** Idempotency-Key: what Stripe and the IETF draft allow, printable ASCII up to 255. */
export const idempotencyKeySchema = z.string().regex(new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`), "api.problem.idempotencyKey");

/** Every named shape, for the OpenAPI document's components (a nested one needs its own entry). */
export const API_COMPONENT_SCHEMAS: z.ZodType[] = [
  problemSchema, errorSchema, openCountsSchema, apiAccountSchema, auditFindingSchema, apiAccountDetailSchema, apiFindingSchema,
  accountListSchema, findingListSchema, auditResultSchema, snapshotUpsertResultSchema,
];
