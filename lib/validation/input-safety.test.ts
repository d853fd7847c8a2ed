import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { malformedDocumentArbitrary } from "@/tests/support/malformed-snapshots";
import { JSON_MAX_DEPTH, sanitiseJson } from "./json-safety";
import { parseSnapshot, type SnapshotError } from "./snapshot";
import { generateSnapshotJsonSchema } from "./snapshot-json-schema";
import { hasControlCharacters, SINGLE_LINE_PATTERN, TEXT_LIMITS } from "./text";

function validInput(): Record<string, any> {
  return {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-sato", name: "佐藤 花子" }],
    devices: [{ id: "d-1", kind: "PHONE", holderId: "p-sato" }],
    accounts: [
      {
        id: "acc-1", storeName: "Sakura Tea", sellerId: "A1B2C3D4E5F6G7", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE",
        logins: [{ id: "l-1", role: "PRIMARY", personId: "p-sato", status: "ACTIVE", twoStep: [{ kind: "SMS", role: "PRIMARY", deviceId: "d-1", phoneLast4: "1234" }] }],
      },
    ],
  };
}

function errorsOf(input: unknown): SnapshotError[] {
  const result = parseSnapshot(input);
  if (result.ok) throw new Error("expected the snapshot to be rejected");
  return result.errors;
}

describe("string limits of the snapshot format", () => {
  it.each([
    ["accounts[0].storeName", (d: any, v: string) => (d.accounts[0].storeName = v), TEXT_LIMITS.name],
    ["accounts[0].sellerId", (d: any, v: string) => (d.accounts[0].sellerId = v), TEXT_LIMITS.sellerId],
    ["people[0].name", (d: any, v: string) => (d.people[0].name = v), TEXT_LIMITS.name],
    ["devices[0].label", (d: any, v: string) => (d.devices[0].label = v), TEXT_LIMITS.name],
  ])("%s: the limit is accepted, one more character is refused by path", (path, set, max) => {
    const ok = validInput();
    set(ok, "あ".repeat(max));
    expect(parseSnapshot(ok).ok).toBe(true);
    for (const length of [max + 1, 3_000, 100_000]) {
      const bad = validInput();
      set(bad, "あ".repeat(length));
      expect(errorsOf(bad)).toEqual([{ path, message: expect.any(String), reason: { key: "tooLong", vars: { max } } }]);
    }
  });

  it("publishes every string's maximum length (and the control-character pattern) in the JSON Schema", () => {
    const schema = generateSnapshotJsonSchema() as any;
    const unbounded: string[] = [];
    const visit = (node: any, path: string) => {
      if (!node || typeof node !== "object") return;
      const types = ([] as unknown[]).concat(node.type ?? []);
      if (types.includes("string") && node.maxLength === undefined && node.enum === undefined && node.const === undefined) unbounded.push(path);
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(schema, "#");
    expect(unbounded).toEqual([]);
    expect(schema.properties.accounts.items.properties.storeName).toMatchObject({ maxLength: TEXT_LIMITS.name, pattern: SINGLE_LINE_PATTERN.source });
  });
});

describe("control characters", () => {
  it.each(["\u0000", "\u0007", "\n", "\t", "\u007f", "\u0085", "\u2028", "\u202e", "\u2067"])("%j in a name is refused by path", (char) => {
    const bad = validInput();
    bad.people[0].name = `Sato${char}Hana`;
    expect(errorsOf(bad)).toEqual([{ path: "people[0].name", message: expect.stringContaining("control characters"), reason: { key: "controlChar" } }]);
  });

  it("keeps Japanese text, emoji (joiners included) and ordinary punctuation", () => {
    const ok = validInput();
    ok.accounts[0].storeName = "さくら茶舗（本店）👩‍💻 & Co. — 東京";
    expect(parseSnapshot(ok).ok).toBe(true);
    expect(hasControlCharacters("line one\nline two", { multiline: true })).toBe(false);
    expect(hasControlCharacters("nul\u0000", { multiline: true })).toBe(true);
  });
});

describe("nesting and prototype keys", () => {
  it("reports 10,000 levels of nesting by path without overflowing the stack, and nothing else", () => {
    const text = JSON.stringify(validInput()).replace('"logins":[', `"logins":[${"[".repeat(10_000)}${"]".repeat(10_000)},`);
    const errors = errorsOf(JSON.parse(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: { key: "tooDeep", vars: { max: JSON_MAX_DEPTH } } });
    expect(errors[0].path.startsWith("accounts[0].logins[0][0]")).toBe(true);
  });

  it("drops deep x- notes without walking them", () => {
    const input = JSON.parse(JSON.stringify(validInput()).replace('"people":', `"x-notes":${"[".repeat(10_000)}${"]".repeat(10_000)},"people":`));
    expect(parseSnapshot(input).ok).toBe(true);
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses %s in place of storeName, and stores nothing of it", (key) => {
    const text = JSON.stringify(validInput()).replace('"storeName":"Sakura Tea"', `"${key}":{"storeName":"Smuggled"}`);
    expect(errorsOf(JSON.parse(text))).toEqual([
      { path: `accounts[0].${key}`, message: expect.stringContaining("not allowed"), reason: { key: "forbiddenKey", vars: { key } } },
    ]);
  });

  it("copies only when keys are dropped, and never assigns a prototype key", () => {
    const input = JSON.parse('{"a":[{"b":1,"x-c":2}],"x-d":{}}');
    const { value, problems } = sanitiseJson(input, { dropKey: (k) => k.startsWith("x-") });
    expect(problems).toEqual([]);
    expect(JSON.stringify(value)).toBe('{"a":[{"b":1}]}');
    const clean = JSON.parse('{"a":[{"b":1}]}');
    expect(sanitiseJson(clean, { dropKey: (k) => k.startsWith("x-") }).value).toBe(clean);
    const poisoned = JSON.parse('{"x-note":1,"a":{"__proto__":{"polluted":true}}}');
    expect(sanitiseJson(poisoned, { dropKey: (k) => k.startsWith("x-") })).toMatchObject({ problems: [{ kind: "forbiddenKey", path: ["a", "__proto__"] }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sanitiseJson([[[1]]], { maxDepth: 3 }).problems).toEqual([]);
    expect(sanitiseJson([[[[1]]]], { maxDepth: 3 }).problems).toEqual([{ kind: "tooDeep", path: [0, 0, 0] }]);
  });
});

describe("property: a generated portfolio with one poison anywhere", () => {
  it("is refused with a message at the poison's JSON path, never by an exception", () => {
    fc.assert(
      fc.property(malformedDocumentArbitrary, (doc) => {
        const result = parseSnapshot(JSON.parse(doc.text));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const expected = { long: null, control: null, protoKey: "forbiddenKey", deep: "tooDeep" }[doc.poison.kind];
        const match = result.errors.find((e) => (doc.poison.kind === "deep" ? e.path.startsWith(doc.path) : e.path === doc.path));
        expect(match, `${doc.poison.kind} at ${doc.path}: ${JSON.stringify(result.errors.slice(0, 3))}`).toBeDefined();
        if (expected) expect(match!.reason?.key).toBe(expected);
        expect(match!.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
