import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { createSavedViewSchema } from "@/lib/validation/accounts";
import { idempotencyKeySchema } from "@/lib/validation/api";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";
import { acceptFindingSchema } from "@/lib/validation/findings";
import { createLoginSchema } from "@/lib/validation/login-form";
import { inviteMemberSchema } from "@/lib/validation/members";
import { createPersonSchema } from "@/lib/validation/person-form";
import { bulkDecideSchema, closeTaskSchema, decideItemSchema } from "@/lib/validation/reviews";
import { recordTriageSchema } from "@/lib/validation/triage";
import { MESSAGE_LIMITS } from "./message-limits";
import { messages } from "./messages";
import { en as validationEn } from "./messages/validation/en";
import { ja as validationJa } from "./messages/validation/ja";

// A sentence that names a length once wrote its own copy of the schema's number ("理由は1000文字以内"); now it names
// a placeholder the catalogue fills from lib/validation/limits.ts, the schemas' own constants (decision 086).

/** A number of characters written into a sentence: "1000文字", "13〜14文字" (not "5文字目", a position), "64 characters", "255 printable ASCII characters". */
const WRITTEN_LENGTH = { ja: /[0-9]+(?:[〜~][0-9]+)?\s*文字(?!目)/, en: /[0-9]+(?:\s+[A-Za-z-]+){0,3}\s+characters?\b/ };
/** Sentences whose number is a fact of the world, not a limit of a schema of ours. */
const NOT_A_LIMIT = new Set([
  "account.sellerIdAdvice", // Amazon's merchant tokens are 13–14 characters: a note, never a refusal (decision 078)
  "filters.ignoredMarketplace", // a marketplace code is two or three capitals, as Amazon writes them
]);

describe("a sentence naming a number of characters", () => {
  // The catalogue as the app reads it, numbers filled in: each number a sentence gives for a length is one of the
  // limits MESSAGE_LIMITS fills into it (so a sentence that wrote its own, or a limit changed in one place only, fails).
  it.each(["ja", "en"] as const)("names only the limits filled in from the schemas' constants (%s)", (locale) => {
    const pattern = new RegExp(WRITTEN_LENGTH[locale].source, "g");
    const stray = Object.entries(messages[locale] as Record<string, string>).flatMap(([key, text]) => {
      if (NOT_A_LIMIT.has(key)) return [];
      const named = [...text.matchAll(pattern)].flatMap((m) => m[0].match(/[0-9]+/g)!.map(Number));
      const limits = Object.values(MESSAGE_LIMITS[key] ?? {});
      return named.filter((n) => !limits.includes(n)).map((n) => `${key}: ${n} in ${JSON.stringify(text)}`);
    });
    expect(stray).toEqual([]);
  });

  it("has each of its placeholders filled with the limit, in both languages and in the browser's chunk", () => {
    for (const [key, limits] of Object.entries(MESSAGE_LIMITS)) {
      for (const catalogue of [messages.ja, messages.en, validationJa, validationEn] as Record<string, string>[]) {
        if (!key.startsWith("validation.") && (catalogue === validationJa || catalogue === validationEn)) continue;
        const text = catalogue[key];
        expect(text, key).toBeDefined();
        expect(text, key).not.toMatch(/\{(?:min|max|localMax)\}/);
        for (const limit of Object.values(limits)) expect(text, key).toContain(String(limit));
      }
    }
    expect(messages.ja["validation.reasonTooLong"]).toBe("理由は1000文字以内にしてください。");
  });
});

/** The first problem a schema names for `field` (as the forms show it), or undefined. */
const problemOf = (schema: z.ZodType, input: Record<string, unknown>, field: string) => schema.safeParse(input).error?.issues.find((i) => i.path[0] === field)?.message;
const x = (n: number) => "x".repeat(n);

describe("each limit a sentence names is where its schemas' refusal starts", () => {
  const { min: reasonMin } = MESSAGE_LIMITS["validation.reasonTooShort"];
  const { max: reasonMax } = MESSAGE_LIMITS["validation.reasonTooLong"];
  const { max: noteMax } = MESSAGE_LIMITS["validation.noteTooLong"];

  const atMost = (key: string, max: number, schema: z.ZodType, field: string, rest: Record<string, unknown> = {}) => {
    expect(problemOf(schema, { ...rest, [field]: x(max + 1) }, field), `${key} at ${max + 1}`).toBe(key);
    expect(problemOf(schema, { ...rest, [field]: x(max) }, field), `${key} at ${max}`).not.toBe(key);
  };

  it("an accepted risk's reason, and the hint that asks for it", () => {
    expect(problemOf(acceptFindingSchema, { reason: x(reasonMin - 1) }, "reason")).toBe("validation.reasonTooShort");
    expect(problemOf(acceptFindingSchema, { reason: x(reasonMin) }, "reason")).toBeUndefined();
    atMost("validation.reasonTooLong", reasonMax, acceptFindingSchema, "reason");
    expect(MESSAGE_LIMITS["finding.reasonHint"]).toEqual({ min: reasonMin });
  });

  it("a saved view's name, an API token's name", () => {
    atMost("validation.viewNameTooLong", MESSAGE_LIMITS["validation.viewNameTooLong"].max, createSavedViewSchema, "name");
    atMost("validation.apiTokenNameTooLong", MESSAGE_LIMITS["validation.apiTokenNameTooLong"].max, createApiTokenSchema, "name");
  });

  it("every note and comment the note sentence is said for", () => {
    atMost("validation.noteTooLong", noteMax, decideItemSchema, "comment");
    atMost("validation.noteTooLong", noteMax, bulkDecideSchema, "comment");
    atMost("validation.noteTooLong", noteMax, closeTaskSchema, "note");
    atMost("validation.noteTooLong", noteMax, recordTriageSchema, "note");
  });

  it("a password", () => {
    const { min } = MESSAGE_LIMITS["validation.password.tooShort"];
    const { max } = MESSAGE_LIMITS["validation.password.tooLong"];
    expect(passwordProblem(x(min - 1))).toBe("tooShort");
    expect(passwordProblem(x(min))).not.toBe("tooShort");
    expect(passwordProblem(x(max + 1))).toBe("tooLong");
    expect(passwordProblem(x(max))).not.toBe("tooLong");
  });

  it("an e-mail address, wherever one is typed: before the @ and in all", () => {
    const { localMax, max } = MESSAGE_LIMITS["validation.emailTooLong"];
    const domain = `${["d", "e", "f", "g", "h"].map((c) => c.repeat(60)).join(".")}.com`;
    for (const [schema, rest] of [[inviteMemberSchema, { role: "VIEWER" }], [createPersonSchema, {}], [createLoginSchema, {}]] as const) {
      const problem = (email: string) => problemOf(schema, { ...rest, email }, "email");
      expect(problem(`${"a".repeat(localMax + 1)}@example.com`)).toBe("validation.emailTooLong");
      expect(problem(`${"a".repeat(localMax)}@example.com`)).toBeUndefined();
      expect(problem(`a@${domain}`.slice(0, max + 1))).toBe("validation.emailTooLong");
      expect(problem(`a@${domain}`.slice(0, max))).not.toBe("validation.emailTooLong");
    }
  });

  it("an API request's Idempotency-Key", () => {
    const { max } = MESSAGE_LIMITS["api.problem.idempotencyKey"];
    expect(idempotencyKeySchema.safeParse("").success).toBe(false);
    expect(idempotencyKeySchema.safeParse(x(1)).success).toBe(true);
    expect(idempotencyKeySchema.safeParse(x(max)).success).toBe(true);
    expect(idempotencyKeySchema.safeParse(x(max + 1)).error?.issues[0]?.message).toBe("api.problem.idempotencyKey");
  });
});
