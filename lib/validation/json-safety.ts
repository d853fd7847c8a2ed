// Checks a parsed JSON document before any schema sees it, without recursion: nesting is bounded
// (10,000 levels once overflowed the stack of a recursive walk) and the keys that reach an object's
// prototype are refused (`"__proto__": {...}` copied by assignment replaced the object's prototype and
// smuggled a field past the schema). Keys starting with "x-" (the snapshot format's extension keys) can
// be dropped; only then is the document copied, after the check, so no refused key is ever assigned.
// Measured on a 6.0 MB generated snapshot (bench/input-safety.ts): the check takes ~13 ms beside
// JSON.parse's ~90 ms; copying into objects without a prototype made zod's pass 2× slower than plain
// objects, which the refused keys make unnecessary.

/** Upload size of a snapshot (file or pasted text), checked before the body is read whole. */
export const SNAPSHOT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting accepted. A snapshot needs 6 (accounts → logins → twoStep → method); the rest is room
 * for "x-" notes.
 */
export const JSON_MAX_DEPTH = 32;

/** Keys that name or reach a prototype in JavaScript: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export type JsonPath = (string | number)[];
export type JsonProblem = { kind: "tooDeep"; path: JsonPath } | { kind: "forbiddenKey"; path: JsonPath; key: string };

export interface SanitisedJson {
  value: unknown;
  problems: JsonProblem[];
}

interface Frame {
  source: unknown;
  /** The parent's frame and this value's key in it: the path is rebuilt only for a problem. */
  parent: Frame | null;
  key: string | number;
  depth: number;
}

const MAX_PROBLEMS = 100;

function pathOf(frame: Frame): JsonPath {
  const path: JsonPath = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * Checks a parsed document without recursion: depth, prototype keys, and whether any key is to be
 * dropped. Objects from JSON.parse hold "__proto__" as an ordinary own key, so once such keys are
 * refused the document itself is safe to hand on; it is only copied when keys must be dropped.
 */
function inspect(value: unknown, maxDepth: number, dropKey: (key: string) => boolean): { problems: JsonProblem[]; drops: boolean } {
  const problems: JsonProblem[] = [];
  let drops = false;
  const stack: Frame[] = [{ source: value, parent: null, key: "", depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const frame = stack.pop()!;
    const { source, depth } = frame;
    if (source === null || typeof source !== "object") continue;
    if (depth + 1 > maxDepth) {
      // One problem per too-deep branch, at the first level past the limit (its path stays short).
      problems.push({ kind: "tooDeep", path: pathOf(frame) });
      continue;
    }
    if (Array.isArray(source)) {
      for (let i = source.length - 1; i >= 0; i--) {
        const child: unknown = source[i];
        if (child !== null && typeof child === "object") stack.push({ source: child, parent: frame, key: i, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(source);
    const children: Frame[] = [];
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) problems.push({ kind: "forbiddenKey", path: [...pathOf(frame), key], key });
      else if (dropKey(key)) drops = true;
      else {
        const child = (source as Record<string, unknown>)[key];
        if (child !== null && typeof child === "object") children.push({ source: child, parent: frame, key, depth: depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  // Depth-first in document order: problems come out as a reader meets them.
  return { problems, drops };
}

/** A copy without the dropped keys; only for a document inspect() found free of prototype keys. */
function copyWithout(value: unknown, dropKey: (key: string) => boolean): unknown {
  const root: Record<string, unknown> = Object.create(null);
  const stack: { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number }[] = [{ source: value, target: root, key: "value" }];
  while (stack.length > 0) {
    const { source, target, key } = stack.pop()!;
    const place = (copy: unknown) => ((target as Record<string | number, unknown>)[key] = copy);
    if (source === null || typeof source !== "object") place(source);
    else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      place(copy);
      source.forEach((child, i) => stack.push({ source: child, target: copy, key: i }));
    } else {
      // Plain objects: every key assigned here passed inspect(), so none names a prototype.
      const copy: Record<string, unknown> = {};
      place(copy);
      for (const [childKey, child] of Object.entries(source)) if (!dropKey(childKey)) stack.push({ source: child, target: copy, key: childKey });
    }
  }
  return root.value;
}

/**
 * The problems of a parsed document (none: it is safe to hand to a schema) and the document to hand on:
 * the value itself, or a copy without the dropped keys when it had some.
 * Depth counts containers: `[]` at the root is depth 1.
 */
export function sanitiseJson(value: unknown, options: { dropKey?: (key: string) => boolean; maxDepth?: number } = {}): SanitisedJson {
  const dropKey = options.dropKey ?? (() => false);
  const { problems, drops } = inspect(value, options.maxDepth ?? JSON_MAX_DEPTH, dropKey);
  if (problems.length > 0 || !drops) return { value, problems };
  return { value: copyWithout(value, dropKey), problems };
}
