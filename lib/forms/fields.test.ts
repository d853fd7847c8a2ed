import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM_SCHEMAS } from "./schemas";
import { fieldErrorsOf, tooLongLimitsOf } from "./fields";
import { TOO_LONG } from "./too-long";

const refusal = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? { errors: {}, limits: {} } : { errors: fieldErrorsOf(parsed.error), limits: tooLongLimitsOf(parsed.error) };
};

describe("a too-long refusal's limit", () => {
  it("is the refusing schema's own maximum, for the field whose shown problem it is", () => {
    const schema = z.object({ name: z.string().trim().max(5, TOO_LONG), note: z.string().max(9, "validation.noteTooLong"), code: z.string().regex(/^\d+$/, "validation.digits").max(2, TOO_LONG) });
    expect(refusal(schema, { name: "abcdef", note: "x".repeat(10), code: "12" }).limits).toEqual({ name: 5, note: 9 });
    // A field whose first problem is another one (the one it shows) names no limit.
    expect(refusal(schema, { name: "ok", note: "", code: "xyz" })).toEqual({ errors: { code: "validation.digits" }, limits: {} });
    expect(refusal(z.object({ n: z.number().max(3) }), { n: 4 }).limits).toEqual({});
  });

  // The field descriptions used to carry their own copy of each limit (FieldSpec.maxLength), which nothing compared
  // with the schema. Now the number comes with the refusal: for every field of every form schema that can be refused
  // as too long, the limit named is the length at which that refusal starts.
  it("is the length at which every form schema's too-long refusal starts", () => {
    const checked: string[] = [];
    for (const [form, schema] of Object.entries(FORM_SCHEMAS)) {
      const shape = (schema as unknown as z.ZodObject).shape;
      for (const field of Object.keys(shape)) {
        const { errors, limits } = refusal(schema, { [field]: "x".repeat(5_000) });
        if (errors[field] !== TOO_LONG) continue;
        const limit = limits[field];
        expect(limit, `${form}.${field}`).toBeGreaterThan(0);
        expect(refusal(schema, { [field]: "x".repeat(limit + 1) }).errors[field], `${form}.${field} at ${limit + 1}`).toBe(TOO_LONG);
        expect(refusal(schema, { [field]: "x".repeat(limit) }).errors[field], `${form}.${field} at ${limit}`).not.toBe(TOO_LONG);
        checked.push(`${form}.${field}`);
      }
    }
    // The ones the browser shows "200 characters at most (you typed 215)" for, among them.
    expect(checked).toEqual(expect.arrayContaining(["createPerson.name", "createPerson.company", "createClient.name", "updateAccount.storeName", "updateAccount.sellerId", "saveDevice.label", "setup.orgName"]));
  });
});
