import { describe, expect, it } from "vitest";
import { parseSnapshot, SNAPSHOT_FORMAT, type SnapshotError } from "../validation/snapshot";
import { interpolate } from "./format";
import { messages, type MessageKey } from "./messages";
import { describeSnapshotError } from "./snapshot-errors";

const tIn = (locale: "ja" | "en") => (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages[locale][key], vars, locale);

function errorsOf(doc: unknown): SnapshotError[] {
  const parsed = parseSnapshot(doc);
  if (parsed.ok) throw new Error("expected the document to be refused");
  return parsed.errors;
}

const account = (extra: Record<string, unknown> = {}) => ({ id: "a-1", storeName: "Kumo", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", ...extra });

describe("import problems in the reader's language", () => {
  it("names a missing field and what it should hold, keeping the path and the CLI's English message", () => {
    const [error] = errorsOf({ format: SNAPSHOT_FORMAT, accounts: [{ ...account(), storeName: undefined }] });
    expect(error.path).toBe("accounts[0].storeName");
    expect(error.message).toBe("Invalid input: expected string, received undefined");
    expect(describeSnapshotError(error, tIn("en"))).toBe("missing: expected text.");
    expect(describeSnapshotError(error, tIn("ja"))).toBe("値がありません（文字列が必要です）。");
  });

  it("names the wrong type that was given", () => {
    const [error] = errorsOf({ format: SNAPSHOT_FORMAT, accounts: [account({ storeName: 12 })] });
    expect(describeSnapshotError(error, tIn("en"))).toBe("expected text, got a number.");
  });

  it("lists the allowed values, translates schema wording, unknown keys and reference problems", () => {
    const errors = errorsOf({ format: SNAPSHOT_FORMAT, accounts: [account({ plan: "GOLD", region: "jp", colour: 1 })] });
    const en = Object.fromEntries(errors.map((e) => [e.path, describeSnapshotError(e, tIn("en"))]));
    expect(en["accounts[0].plan"]).toBe('expected one of: "PROFESSIONAL", "INDIVIDUAL"');
    expect(en["accounts[0].region"]).toBe('expected an upper-case code such as "JP".');
    expect(describeSnapshotError(errors.find((e) => e.path === "accounts[0].colour")!, tIn("ja"))).toContain("x-");

    const [ref] = errorsOf({ format: SNAPSHOT_FORMAT, accounts: [account({ otherAccess: [{ personId: "ghost", console: "ADS", role: "EDITOR" }] })] });
    expect(describeSnapshotError(ref, tIn("ja"))).toBe("「people」にない ID「ghost」です。");
  });

  it("falls back to the English message when a problem has no known reason", () => {
    expect(describeSnapshotError({ path: "(root)", message: "something odd" }, tIn("ja"))).toBe("something odd");
  });

  it("words the JSON parser's failure with its line and column, not the engine's text", () => {
    const error: SnapshotError = { path: "(file)", message: "not valid JSON: Unexpected token", reason: { key: "notJsonAt", vars: { line: 3, column: 5 } } };
    expect(describeSnapshotError(error, tIn("en"))).toBe("this is not valid JSON (line 3, column 5).");
    expect(describeSnapshotError(error, tIn("ja"))).toBe("JSONとして読み取れません（3行目、5文字目）。");
  });
});
