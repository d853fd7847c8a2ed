import { describe, expect, it } from "vitest";
import { FAILURE_REASON_MAX, failureReason, maskCredentials } from "./failure-reason";

describe("a failed job's reason on the jobs page", () => {
  it("is the error's message as pg-boss stored it, its first line only, without the stack", () => {
    const error = new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    const output = { name: error.name, message: error.message, stack: error.stack };
    expect(failureReason(output)).toBe("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    expect(failureReason({ message: "\n  Invalid `prisma.user.findUnique()` invocation:\n\n  at foo (bar.ts:1)\n" })).toBe("Invalid `prisma.user.findUnique()` invocation:");
    expect(failureReason("timeout")).toBe("timeout");
  });

  it("is nothing for an output that holds no message", () => {
    for (const output of [null, undefined, {}, { message: "" }, { message: " \n " }, { value: 3 }, 42]) expect(failureReason(output)).toBeNull();
  });

  it("masks the password of a connection string or an SMTP URL, and libpq's password keyword", () => {
    expect(failureReason({ message: "connect ECONNREFUSED postgresql://gatehouse:s3cr%40t@db.internal:5432/gatehouse" })).toBe(
      "connect ECONNREFUSED postgresql://gatehouse:***@db.internal:5432/gatehouse",
    );
    expect(maskCredentials("smtp://mailer:hunter2@smtp.example:587 refused")).toBe("smtp://mailer:***@smtp.example:587 refused");
    expect(maskCredentials("host=db user=owner password=hunter2 dbname=x")).toBe("host=db user=owner password=*** dbname=x");
    expect(maskCredentials("postgresql://owner@db/x and https://example.com/a:b@c")).toBe("postgresql://owner@db/x and https://example.com/a:b@c");
  });

  it("is cut to a readable length", () => {
    const reason = failureReason({ message: "x".repeat(1000) })!;
    expect(reason).toHaveLength(FAILURE_REASON_MAX);
    expect(reason.endsWith("…")).toBe(true);
  });
});
