// Checks a parsed JSON document before any schema sees it, without recursion: nesting is bounded
// (10,000 levels once overflowed the stack of a recursive walk), the keys that reach an object's
// prototype are refused (`"__proto__": {...}` copied by assignment replaced the object's prototype and
// smuggled a field past the schema), and objects are rebuilt without a prototype. Keys starting with
// "x-" (the snapshot format's extension keys) can be dropped on the way.

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
  path: JsonPath;
  depth: number;
  /** Puts the copy of `source` where it belongs in its parent's copy. */
  place: (copy: unknown) => void;
}

const MAX_PROBLEMS = 100;

/**
 * A copy of `value` whose objects have no prototype, with dropped keys left out, and the problems found
 * (none: the copy is safe to hand to a schema). Depth counts containers: `[]` at the root is depth 1.
 */
export function sanitiseJson(value: unknown, options: { dropKey?: (key: string) => boolean; maxDepth?: number } = {}): SanitisedJson {
  const maxDepth = options.maxDepth ?? JSON_MAX_DEPTH;
  const dropKey = options.dropKey ?? (() => false);
  const problems: JsonProblem[] = [];
  let result: unknown;
  const stack: Frame[] = [{ source: value, path: [], depth: 0, place: (copy) => (result = copy) }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { source, path, depth, place } = stack.pop()!;
    if (source === null || typeof source !== "object") {
      place(source);
      continue;
    }
    if (depth + 1 > maxDepth) {
      // One problem per too-deep branch, at the first level past the limit (its path stays short).
      problems.push({ kind: "tooDeep", path });
      continue;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      place(copy);
      for (let i = source.length - 1; i >= 0; i--) stack.push({ source: source[i], path: [...path, i], depth: depth + 1, place: (c) => (copy[i] = c) });
      continue;
    }
    const copy: Record<string, unknown> = Object.create(null);
    place(copy);
    const entries = Object.keys(source).map((key) => [key, (source as Record<string, unknown>)[key]] as const);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ kind: "forbiddenKey", path: [...path, key], key });
        continue;
      }
      if (dropKey(key)) continue;
      stack.push({ source: child, path: [...path, key], depth: depth + 1, place: (c) => Object.defineProperty(copy, key, { value: c, enumerable: true, writable: true, configurable: true }) });
    }
  }
  // The walk is depth-first in document order, so the problems are too.
  return { value: result, problems };
}
