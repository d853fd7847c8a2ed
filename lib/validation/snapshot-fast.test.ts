import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshotStructure } from "../risk/snapshot-arbitrary";
import { collectDeviceUses } from "../risk/device-usage";
import { DeviceUses } from "../risk/device-uses";
import { generateSnapshot } from "../risk/generate";
import { parseSnapshot, type Snapshot } from "./snapshot";
import { z } from "zod";
import { EMAIL_PATTERN, parseSnapshotOwnedOnDemand } from "./snapshot-check";
import { parseSnapshotOwned, validSnapshotInPlace } from "./snapshot-fast";

// The fast snapshot check (decision 024) against the zod schema, on generated valid documents and on
// documents broken or thinned in one or a few places: both paths give the same result — the same
// snapshot, or the same errors by JSON path — and the fast check accepts on its own exactly the
// documents zod accepts that need no sanitising (no "x-" keys). The audit command's path, which loads zod
// only for settings or problems (parseSnapshotOwnedOnDemand, decision 030 stop 30), gives the same too.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
const RUNS = 300;

function nodes(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const here = [{ path, value }];
  if (Array.isArray(value)) return here.concat(value.flatMap((child, i) => nodes(child, [...path, i])));
  if (value !== null && typeof value === "object") return here.concat(Object.entries(value).flatMap(([k, child]) => nodes(child, [...path, k])));
  return here;
}
const setOwn = (target: object, key: string | number, value: Json) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
const hasExtensionKey = (value: Json): boolean => nodes(value).some((n) => typeof n.path.at(-1) === "string" && String(n.path.at(-1)).startsWith("x-"));

/** Values fields take or nearly take: each is valid somewhere and invalid elsewhere. */
const tricky: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    "", "x", "JP", "jp", "J", "JP-1", "1234", "12345", "123", "a@b.co", "not-an-email", "a@b", "2026-11-23", "2026-02-30", "2026-11-23T09:00:00Z",
    "2026-11-23T09:00:00.123+09:00", "1969-12-31", "9999-12-31", "yesterday", "PRIMARY", "SECONDARY", "BACKUP", "ACTIVE", "INVITED", "REMOVED", "SMS",
    "AUTHENTICATOR_APP", "PHONE", "ADMIN", "VIEW", "NONE", "ADS", "PROFESSIONAL", "SUSPENDED", "USER_PERMISSIONS", "tab\there", "nul\u0000", "rtl\u202e",
    // Decision 101's refusals and decision 104's exceptions (review 45b, L4): a zero-width space, a soft hyphen, a joiner
    // in an emoji (kept), between text-drawn symbols (refused) and in a Persian word (kept).
    "a\u200B", "\u00AD", "👩\u200D💻", "™\u200D™", "كتاب\u200Cخانه",
    "A".repeat(16), "A".repeat(17), "a".repeat(64), "a".repeat(100), "a".repeat(200), `${"a".repeat(248)}@b.com`, `${"a".repeat(249)}@b.com`,
    "a".repeat(4), "a".repeat(17), "a".repeat(65), "a".repeat(101), "a".repeat(201), "a".repeat(255), true, false, 0, -1, 1.5, 90, null, [], {}, ["JP"], [1],
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { kind: "length"; at: number; length: number } | { kind: "set"; at: number; value: Json } | { kind: "delete"; at: number } | { kind: "add"; at: number; key: string; value: Json } | { kind: "copyId"; at: number; from: number };
const LIMITS = [3, 4, 5, 16, 17, 35, 36, 64, 65, 100, 101, 200, 201, 254, 255];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("length" as const), at: fc.nat(), length: fc.constantFrom(...LIMITS) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: tricky }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.constantFrom("x-note", "x-", "extra", "__proto__", "constructor", "usedBy", "asOf", "settings"), value: tricky }),
  fc.record({ kind: fc.constant("copyId" as const), at: fc.nat(), from: fc.nat() }),
);

function mutate(doc: Json, changes: Mutation[]): Json {
  const copy = structuredClone(doc);
  for (const change of changes) {
    const all = nodes(copy);
    const node = all[change.at % all.length];
    const parentPath = node.path.slice(0, -1);
    const parent = parentPath.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], copy) as Record<string | number, Json> | null;
    const key = node.path.at(-1);
    if (change.kind === "length") {
      // A string at, under or over a length limit, keeping its kind of characters (an e-mail stays one).
      const strings = all.filter((n) => typeof n.value === "string");
      if (strings.length === 0) continue;
      const target = strings[change.at % strings.length];
      const text = target.value as string;
      const at = text.indexOf("@");
      const grown = at > 0 ? `${text.slice(0, at).padEnd(change.length - (text.length - at), text[0])}${text.slice(at)}` : text.padEnd(change.length, text.at(-1) ?? "A");
      const holder = target.path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], copy) as Record<string | number, Json>;
      holder[target.path.at(-1)!] = grown.length > change.length ? grown.slice(0, change.length) : grown;
    } else if (change.kind === "set" && parent && key !== undefined) setOwn(parent, key, change.value);
    else if (change.kind === "delete" && parent && key !== undefined && !Array.isArray(parent)) delete parent[key];
    else if (change.kind === "add" && node.value !== null && typeof node.value === "object" && !Array.isArray(node.value)) setOwn(node.value, change.key, change.value);
    else if (change.kind === "copyId") {
      // An id or reference copied from elsewhere: duplicates and dangling or re-pointed references.
      const ids = all.filter((n) => typeof n.value === "string" && /(^id$|Id$)/.test(String(n.path.at(-1))));
      if (ids.length >= 2) {
        const target = ids[change.at % ids.length];
        const source = ids[change.from % ids.length];
        const holder = target.path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], copy) as Record<string, Json>;
        holder[target.path.at(-1) as string] = source.value;
      }
    }
  }
  return copy;
}

/**
 * The device uses the fast check recorded while it walked the logins (decision 098) are exactly the ones the
 * engine would collect from the checked snapshot: same uses, same order, same login objects.
 */
function expectTheEnginesUses(recorded: DeviceUses, snapshot: Snapshot) {
  const collected = collectDeviceUses(snapshot.accounts);
  expect(recorded.count).toBe(collected.count);
  expect([...recorded.hash.subarray(0, recorded.count)]).toEqual([...collected.hash.subarray(0, collected.count)]);
  expect([...recorded.account.subarray(0, recorded.count)]).toEqual([...collected.account.subarray(0, collected.count)]);
  expect(recorded.deviceId).toEqual(collected.deviceId);
  expect(recorded.login.length).toBe(collected.login.length);
  recorded.login.forEach((login, use) => expect(login).toBe(collected.login[use]));
}

/** Every path on its own copy; the zod result is the reference. */
async function compare(doc: Json) {
  const reference = parseSnapshot(structuredClone(doc));
  expect(parseSnapshotOwned(structuredClone(doc))).toEqual(reference);
  const fast = validSnapshotInPlace(structuredClone(doc));
  expect(fast !== null).toBe(reference.ok && !hasExtensionKey(doc));
  if (fast !== null && reference.ok) expect(fast).toEqual(reference.snapshot);
  // The audit's call (its device uses recorded on the way, which changes nothing else): the same result, and
  // the uses recorded exactly when the fast check accepted.
  const uses = new DeviceUses(0);
  const audited = await parseSnapshotOwnedOnDemand(structuredClone(doc), uses);
  const { usesRecorded, ...result } = audited;
  expect(result).toEqual(reference);
  expect(usesRecorded === true).toBe(fast !== null);
  if (audited.ok && usesRecorded) expectTheEnginesUses(uses, audited.snapshot);
}

const validDocument = snapshotStructure.map(({ snapshot }) => JSON.parse(JSON.stringify(snapshot)) as Json);
/** The same documents as an author would write them: every defaulted field left out. */
function withoutDefaults(doc: Json): Json {
  const copy = structuredClone(doc);
  for (const n of nodes(copy).reverse()) {
    if (n.value === null || typeof n.value !== "object" || Array.isArray(n.value)) continue;
    const o = n.value as Record<string, Json>;
    for (const [k, v] of Object.entries(o)) if (v === null || v === false || (Array.isArray(v) && v.length === 0 && k !== "accounts")) delete o[k];
  }
  return copy;
}

describe("the fast snapshot check agrees with the zod schema", () => {
  it("on valid documents, with and without their defaulted fields", async () => {
    await fc.assert(fc.asyncProperty(validDocument, async (doc) => {
      await compare(doc);
      await compare(withoutDefaults(doc));
    }), { numRuns: RUNS });
  });

  it("on documents changed in one to three places (values, deleted and added keys, copied ids)", async () => {
    await fc.assert(fc.asyncProperty(validDocument, fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (doc, thin, changes) => {
      await compare(mutate(thin ? withoutDefaults(doc) : doc, changes));
    }), { numRuns: RUNS * 3 });
  });

  it("on every string of a valid document set to an invisible character, refused or kept (decisions 101, 104)", async () => {
    const [doc] = fc.sample(validDocument, { numRuns: 1, seed: 104 });
    const strings = nodes(doc).filter((n) => typeof n.value === "string");
    let refused = 0;
    for (const value of ["a\u200B", "\u00AD", "👩\u200D💻", "™\u200D™", "كتاب\u200Cخانه"]) {
      for (const { path } of strings) {
        const copy = structuredClone(doc);
        const holder = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], copy) as Record<string | number, Json>;
        holder[path.at(-1)!] = value;
        await compare(copy);
        if (!parseSnapshot(structuredClone(copy)).ok && value.length === 2 && value.startsWith("a")) refused++;
      }
    }
    // The draw reaches a name: the zero-width space is refused somewhere.
    expect(refused).toBeGreaterThan(0);
  });

  it("on the benchmark's generated portfolio", async () => {
    const doc = JSON.parse(JSON.stringify(generateSnapshot(300, 7))) as Json;
    await compare(doc);
    expect(validSnapshotInPlace(structuredClone(doc))).not.toBeNull();
  });

  it("on anything at all", async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), (value) => compare(value as Json)), { numRuns: RUNS });
  });

  it("with settings, valid and not, and with problems in a large document (messages by JSON path)", async () => {
    const doc = JSON.parse(JSON.stringify(generateSnapshot(300, 7))) as { [key: string]: Json };
    await compare({ ...doc, settings: { maxAdmins: 1, stalePasswordDays: 30 } });
    await compare({ ...doc, settings: { maxAdmins: -1, unknown: 2 } });
    const broken = structuredClone(doc) as { accounts: { logins: { personId: string }[]; id: Json }[] };
    broken.accounts[120].logins[0].personId = "nobody";
    broken.accounts[299].id = broken.accounts[0].id;
    const reference = parseSnapshot(structuredClone(broken));
    expect(reference.ok ? [] : reference.errors.map((e) => e.path)).toEqual(["accounts[299].id", "accounts[120].logins[0].personId"]);
    await compare(broken as unknown as Json);
  });

  it("copies zod's own e-mail pattern (the check loads no zod)", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });
});
