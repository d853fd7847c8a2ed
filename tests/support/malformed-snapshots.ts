import fc from "fast-check";
import { generateSnapshot } from "@/lib/risk/generate";
import { formatPath } from "@/lib/validation/snapshot";

// Malformed snapshot documents for the import's property tests (unit: lib/validation, integration:
// lib/db): a valid generated portfolio with one poison put somewhere in it — a string far over its
// limit, a control character, a prototype key, or nesting thousands of levels deep.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export type Poison =
  | { kind: "long"; length: number; char: string }
  | { kind: "control"; char: string; at: number }
  | { kind: "protoKey"; key: "__proto__" | "constructor" | "prototype" }
  | { kind: "deep"; levels: number };

export interface MalformedDocument {
  /** The document as text, as a file would hold it ("__proto__" stays an ordinary key in JSON). */
  text: string;
  poison: Poison;
  /** JSON path (formatPath) at which the problem must be reported. */
  path: string;
}

function walk(value: Json, path: Path, visit: (value: Json, path: Path) => void) {
  // The generated documents are a few levels deep: recursion is safe here (test code, known input).
  visit(value, path);
  if (Array.isArray(value)) value.forEach((child, i) => walk(child, [...path, i], visit));
  else if (value !== null && typeof value === "object") for (const [key, child] of Object.entries(value)) walk(child, [...path, key], visit);
}

function at(root: Json, path: Path): Json {
  return path.reduce<Json>((node, part) => (node as Record<string, Json>)[part as string], root);
}

const CONTROL_CHARS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f", "\n", "\r", "\t", "\u2028", "\u202e", "\u2066"];

export const poisonArbitrary: fc.Arbitrary<Poison> = fc.oneof(
  fc.record({ kind: fc.constant("long" as const), length: fc.integer({ min: 255, max: 20_000 }), char: fc.constantFrom("x", "あ", "🙂", " ") }),
  fc.record({ kind: fc.constant("control" as const), char: fc.constantFrom(...CONTROL_CHARS), at: fc.nat() }),
  fc.record({ kind: fc.constant("protoKey" as const), key: fc.constantFrom("__proto__" as const, "constructor" as const, "prototype" as const) }),
  fc.record({ kind: fc.constant("deep" as const), levels: fc.integer({ min: 40, max: 10_000 }) }),
);

/** A generated portfolio (1–3 accounts) with one poison at a place chosen by `pick` (0 ≤ pick < 1). */
export function malformedDocument(seed: number, poison: Poison, pick: number): MalformedDocument {
  const doc = JSON.parse(JSON.stringify(generateSnapshot(1 + (Math.abs(seed) % 3), seed))) as Record<string, Json>;
  const strings: Path[] = [];
  const objects: Path[] = [];
  walk(doc, [], (value, path) => {
    if (typeof value === "string" && path[0] !== "format") strings.push(path);
    else if (value !== null && typeof value === "object" && !Array.isArray(value)) objects.push(path);
  });
  const choose = <T>(items: T[]) => items[Math.min(items.length - 1, Math.floor(pick * items.length))];
  if (poison.kind === "long" || poison.kind === "control") {
    const path = choose(strings);
    const parent = at(doc, path.slice(0, -1)) as Record<string, Json>;
    const key = path[path.length - 1] as string;
    const old = parent[key] as string;
    const position = poison.kind === "control" ? poison.at % (old.length + 1) : 0;
    parent[key] = poison.kind === "long" ? poison.char.repeat(poison.length) : old.slice(0, position) + poison.char + old.slice(position);
    return { text: JSON.stringify(doc), poison, path: formatPath(path) };
  }
  const path = choose(objects);
  const target = at(doc, path) as Record<string, Json>;
  if (poison.kind === "deep") {
    const key = "deep";
    target[key] = "@@DEEP@@";
    const nested = `${"[".repeat(poison.levels)}1${"]".repeat(poison.levels)}`;
    return { text: JSON.stringify(doc).replace('"@@DEEP@@"', nested), poison, path: formatPath([...path, key]) };
  }
  // A prototype key in place of an existing field (or added, on an object without fields).
  const victim = Object.keys(target)[0];
  const value = victim === undefined ? {} : target[victim];
  if (victim !== undefined) delete target[victim];
  target["@@PROTO@@"] = value;
  return { text: JSON.stringify(doc).replace('"@@PROTO@@"', JSON.stringify(poison.key)), poison, path: formatPath([...path, poison.key]) };
}

export const malformedDocumentArbitrary: fc.Arbitrary<MalformedDocument> = fc
  .record({ seed: fc.integer(), poison: poisonArbitrary, pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) })
  .map(({ seed, poison, pick }) => malformedDocument(seed, poison, pick));
