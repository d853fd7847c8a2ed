import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/fields";
import { acceptInvitationSchema, EMAIL_MAX_LENGTH, inviteClientOwnerSchema, inviteMemberSchema } from "./members";

const emailIssue = (email: string) => inviteMemberSchema.safeParse({ email, role: "VIEWER" }).error?.issues[0]?.message;

describe("invitation e-mail addresses", () => {
  it("reads an address trimmed and in lower case", () => {
    expect(inviteMemberSchema.parse({ email: "  Aiko@Example.COM ", role: "VIEWER" }).email).toBe("aiko@example.com");
  });

  it("refuses more than 64 characters before the @ and more than 254 in all, saying it is too long", () => {
    expect(emailIssue(`${"a".repeat(64)}@example.com`)).toBeUndefined();
    expect(emailIssue(`${"a".repeat(65)}@example.com`)).toBe("validation.emailTooLong");
    expect(emailIssue(`${"a".repeat(300)}@example.com`)).toBe("validation.emailTooLong");
    const longDomain = `${["d", "e", "f", "g", "h"].map((c) => c.repeat(60)).join(".")}.com`;
    expect(emailIssue(`a@${longDomain}`.slice(0, EMAIL_MAX_LENGTH))).not.toBe("validation.emailTooLong");
    expect(emailIssue(`a@${longDomain}`)).toBe("validation.emailTooLong");
    expect(inviteClientOwnerSchema.safeParse({ clientId: "c1", email: `${"a".repeat(65)}@example.com` }).error?.issues[0]?.message).toBe("validation.emailTooLong");
  });

  it("still refuses what is not an address", () => {
    expect(emailIssue("not an address")).toBe("validation.email");
    expect(emailIssue("")).toBe("validation.email");
  });
});

describe("the invitation-accept form's schema (decision 095)", () => {
  const valid = { token: "t".repeat(40), name: "Sato Hana", password: "calm orchard beneath snow 31", confirmPassword: "calm orchard beneath snow 31" };
  it("names the name, a short password and the mismatched confirmation in one answer, and accepts a good form", () => {
    const parsed = acceptInvitationSchema.safeParse({ ...valid, name: "", password: "short", confirmPassword: "short2" });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ name: "validation.required", password: "validation.password.tooShort", confirmPassword: "validation.passwordsDiffer" });
    expect(acceptInvitationSchema.safeParse(valid).success).toBe(true);
  });
});
