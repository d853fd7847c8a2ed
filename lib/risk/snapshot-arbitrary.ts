/**
 * fast-check arbitraries of snapshot STRUCTURES for the property tests (tests only; nothing in the app
 * imports this). Unlike generate.ts, which draws realistic portfolios from a seed, these explore the
 * shapes a realistic generator never makes: no people, accounts without logins, several PRIMARY logins
 * (at most one ACTIVE, as the schema demands), every status, devices shared across people and
 * accounts, methods without a device, dates from year 0001 to 9999 and timestamps with offsets that
 * cross midnight, unicode and right-to-left text, strings at the schema's maximum length.
 * Every structure is a valid snapshot (the property tests check the parser agrees).
 */
import fc from "fast-check";
import { formatDay, parseDay } from "../dates";
import { personSchema, sellerAccountSchema, type Login, type Person, type SellerAccount, type Snapshot } from "../validation/snapshot";
import { SINGLE_LINE_PATTERN, TEXT_LIMITS } from "../validation/text";
import { hasNoInvisibleCharacter } from "../validation/invisible-characters";
import { TOOL_IDS } from "./tools";

const FIRST_DAY = parseDay("0001-01-01")!;
const LAST_DAY = parseDay("9999-12-31")!;

/** The schema's own limit for ids and names (a limit added later is picked up here), or a length well past typical input. */
const maxOf = (schema: unknown, fallback: number): number => {
  const max = (schema as { maxLength?: number | null }).maxLength;
  return typeof max === "number" && Number.isFinite(max) ? max : fallback;
};
export const ID_MAX = maxOf(personSchema.shape.id, 200);
export const NAME_MAX = maxOf(personSchema.shape.name, 1000);
const STORE_MAX = maxOf(sellerAccountSchema.shape.storeName, 1000);

/** No control characters (NUL, C1, line separators, text-direction overrides) and not blank: what the schema accepts as text. */
const clean = (s: string) => s.trim().length > 0 && SINGLE_LINE_PATTERN.test(s);

const SAMPLES = ["山田 花子", "ｻｸﾗ茶 株式会社", "Ｓａｋｕｒａ", "👩‍💻 ops", "e\u0301cole", "مرحبا", "RTL \u202e txt", "zero\u200bwidth", "Ω≈ç√∫", "\u{1F1EF}\u{1F1F5}"];
const BMP = fc.constantFrom("a", "Z", "0", "あ", "漢", "é", "Ж", "한", "-", " ", "_");

/** Text up to `max` UTF-16 units: ASCII, unicode samples, any graphemes, and exactly `max` long. */
export function text(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 10) }) },
    { weight: 2, arbitrary: fc.constantFrom(...SAMPLES.filter((s) => s.length <= max)) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).filter((s) => s.length <= max) },
    { weight: 1, arbitrary: fc.string({ unit: BMP, minLength: max, maxLength: max }) },
  ).filter(clean);
}

const id = text(ID_MAX);
/** A name: text without invisible characters (a zero-width space is refused in names, not in ids; decision 101). */
export const nameText = (max: number): fc.Arbitrary<string> => text(max).filter(hasNoInvisibleCharacter);

/** A calendar date or an offset timestamp; `near` days before asOf (or after, when negative) most of the time. */
function date(asOf: number): fc.Arbitrary<string> {
  const clamp = (day: number) => Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
  const near = fc.integer({ min: -60, max: 800 }).map((n) => formatDay(clamp(asOf - n)));
  const anywhere = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(formatDay);
  const edges = fc.constantFrom(formatDay(FIRST_DAY), formatDay(LAST_DAY), "2024-02-29", "1970-01-01");
  // Timestamps whose offset moves the UTC day across midnight, never outside years 0001-9999.
  const stamp = fc
    .record({ day: fc.integer({ min: FIRST_DAY + 1, max: LAST_DAY - 1 }), time: fc.constantFrom("00:00:00", "23:59:59", "12:30"), offset: fc.constantFrom("Z", "+14:00", "-12:00", "+0530", "+09:00") })
    .map(({ day, time, offset }) => `${formatDay(day)}T${time}${offset}`);
  return fc.oneof({ weight: 6, arbitrary: near }, { weight: 1, arbitrary: anywhere }, { weight: 1, arbitrary: edges }, { weight: 1, arbitrary: stamp });
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const email = fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?@[a-z]{1,8}\.(example|jp)$/);
const upper = fc.constantFrom("JP", "US", "CA", "DE", "UK", "EU", "NA", "X_1");

/** Pick from a list by a drawn index (lists are only known once the people and devices are drawn). */
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

function login(asOf: number, people: readonly string[], devices: readonly string[]) {
  const d = date(asOf);
  return fc
    .record({
      id,
      role: fc.constantFrom("PRIMARY", "SECONDARY") as fc.Arbitrary<Login["role"]>,
      email: optional(email),
      person: fc.nat(),
      usedBy: fc.array(fc.nat(), { maxLength: 3 }),
      status: fc.constantFrom("INVITED", "ACTIVE", "DISABLED", "REMOVED") as fc.Arbitrary<Login["status"]>,
      invitedAt: optional(d), acceptedAt: optional(d), lastLoginAt: optional(d), passwordChangedAt: optional(d),
      passwordReused: fc.boolean(),
      twoStep: fc.array(
        fc.record({
          kind: fc.constantFrom("SMS", "VOICE", "AUTHENTICATOR_APP") as fc.Arbitrary<"SMS" | "VOICE" | "AUTHENTICATOR_APP">,
          role: fc.constantFrom("PRIMARY", "BACKUP") as fc.Arbitrary<"PRIMARY" | "BACKUP">,
          device: optional(fc.nat()),
          phoneLast4: optional(fc.stringMatching(/^\d{4}$/)),
        }),
        { maxLength: 4 },
      ),
      permissions: fc.array(
        fc.record({ tool: fc.constantFrom(...TOOL_IDS), level: fc.constantFrom("NONE", "VIEW", "VIEW_EDIT", "ADMIN") as fc.Arbitrary<"NONE" | "VIEW" | "VIEW_EDIT" | "ADMIN">, marketplace: optional(upper) }),
        { maxLength: 4 },
      ),
    })
    .map(({ person, usedBy, twoStep, ...l }): Login => {
      const personId = pick(people, person);
      return {
        ...l,
        personId,
        usedBy: [...new Set([personId, ...usedBy.map((n) => pick(people, n))])],
        twoStep: twoStep.map(({ device, ...m }) => ({ ...m, deviceId: device === null || devices.length === 0 ? null : pick(devices, device) })),
      };
    });
}

function account(asOf: number, people: readonly Person[], devices: readonly string[]): fc.Arbitrary<SellerAccount> {
  const d = date(asOf);
  const personIds = people.map((p) => p.id);
  const companies = [...new Set(people.map((p) => p.company).filter((c): c is string => c !== null))];
  return fc
    .record({
      id,
      storeName: nameText(STORE_MAX),
      sellerId: optional(text(TEXT_LIMITS.sellerId)),
      region: upper,
      marketplaces: fc.array(upper, { maxLength: 3 }),
      plan: fc.constantFrom("PROFESSIONAL", "INDIVIDUAL") as fc.Arbitrary<SellerAccount["plan"]>,
      status: fc.constantFrom("ACTIVE", "SUSPENDED", "DEACTIVATED") as fc.Arbitrary<SellerAccount["status"]>,
      lastVerifiedAt: optional(d),
      // Logins need someone to belong to: none when the snapshot has no people.
      logins: personIds.length === 0 ? fc.constant<Login[]>([]) : fc.uniqueArray(login(asOf, personIds, devices), { selector: (l) => l.id, maxLength: 5 }),
      partners: fc.uniqueArray(
        fc.record({ id, company: companies.length > 0 ? fc.oneof(fc.constantFrom(...companies), nameText(NAME_MAX)) : nameText(NAME_MAX), linkSentAt: optional(d), acceptedAt: optional(d) }),
        { selector: (p) => p.id, maxLength: 2 },
      ),
      apps: fc.uniqueArray(fc.record({ id, name: nameText(NAME_MAX), developer: optional(nameText(NAME_MAX)), authorizedAt: optional(d), expiresAt: optional(d) }), { selector: (a) => a.id, maxLength: 2 }),
      otherAccess:
        personIds.length === 0
          ? fc.constant<SellerAccount["otherAccess"]>([])
          : fc.array(fc.record({ personId: fc.constantFrom(...personIds), console: fc.constantFrom("ADS", "BRAND_REGISTRY") as fc.Arbitrary<"ADS" | "BRAND_REGISTRY">, role: text(40) }), { maxLength: 2 }),
    })
    .map((a) => {
      // At most one ACTIVE PRIMARY login per account (the schema refuses more); later ones become DISABLED.
      let primary = false;
      const logins = a.logins.map((l) => {
        if (l.role !== "PRIMARY" || l.status !== "ACTIVE") return l;
        if (!primary) return (primary = true), l;
        return { ...l, status: "DISABLED" as const };
      });
      return { ...a, logins };
    });
}

/** A whole snapshot structure, with the asOf it is evaluated at. */
export const snapshotStructure: fc.Arbitrary<{ snapshot: Snapshot; asOf: string }> = fc
  .record({
    asOf: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: parseDay("2020-01-01")!, max: parseDay("2030-12-31")! }) }, { weight: 1, arbitrary: fc.constantFrom(FIRST_DAY, LAST_DAY) }),
    people: fc.uniqueArray(id, { maxLength: 6 }),
    devices: fc.uniqueArray(id, { maxLength: 5 }),
  })
  .chain(({ asOf, people: personIds, devices: deviceIds }) => {
    const d = date(asOf);
    return fc
      .record({
        people: fc.tuple(
          ...personIds.map((pid) =>
            fc.record({ name: nameText(NAME_MAX), external: fc.boolean(), company: optional(fc.oneof(fc.constantFrom("Vendor KK", "Agency"), nameText(NAME_MAX))), departedAt: optional(d) }).map((p): Person => ({ id: pid, ...p })),
          ),
        ),
        devices: fc.tuple(
          ...deviceIds.map((did) =>
            fc
              .record({ kind: fc.constantFrom("PHONE", "AUTHENTICATOR_APP", "SECURITY_KEY") as fc.Arbitrary<"PHONE" | "AUTHENTICATOR_APP" | "SECURITY_KEY">, label: optional(nameText(NAME_MAX)), holder: optional(fc.nat()), skipOtpOnBrowser: fc.boolean() })
              .map(({ holder, ...rest }) => ({ id: did, ...rest, holderId: holder === null || personIds.length === 0 ? null : pick(personIds, holder) })),
          ),
        ),
        settings: fc.option(
          fc.record({ stalePasswordDays: fc.nat(400), stalePasswordHighDays: fc.nat(400), maxAdmins: fc.nat(5), dormantAccountDays: fc.nat(400) }, { requiredKeys: [] }),
          { nil: undefined },
        ),
      })
      .chain(({ people, devices, settings }) =>
        fc.uniqueArray(account(asOf, people, deviceIds), { selector: (a) => a.id, maxLength: 5 }).map((accounts) => ({
          asOf: formatDay(asOf),
          snapshot: { format: "gatehouse.snapshot/v1" as const, ...(settings ? { settings } : {}), people, devices, accounts },
        })),
      );
  });
