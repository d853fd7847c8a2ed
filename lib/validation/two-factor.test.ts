import { describe, expect, it } from "vitest";
import { messages } from "../i18n/messages";
import { confirmEnrolmentSchema } from "./two-factor";

const messageFor = (code: string) => confirmEnrolmentSchema.safeParse({ code }).error?.issues[0]?.message;

describe("confirmEnrolmentSchema", () => {
  it("asks for the 6-digit code when none, or not six digits, was entered", () => {
    for (const code of ["", "   ", "abcdef", "12 34 5", "12345"]) expect(messageFor(code), code).toBe("validation.totpFormat");
    expect(messages.en["validation.totpFormat"]).toBe("Enter the 6-digit code from your app.");
  });

  it("lets six digits through to the server, which alone can say the code does not match", () => {
    expect(confirmEnrolmentSchema.safeParse({ code: " 123456 " }).data).toEqual({ code: "123456" });
  });
});
