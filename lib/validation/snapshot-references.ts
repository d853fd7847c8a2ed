import type { z } from "zod";
import { IdTable } from "./id-table";
import { isSingleLine, TEXT_LIMITS } from "./text-rules";

/**
 * Referential integrity of a parsed snapshot: every person/device reference resolves, and ids are
 * unique where findings and reviews refer to them (people, devices, accounts globally; logins,
 * partners and apps within their account). Structural types keep this file free of a schema cycle.
 */
interface SnapshotRefs {
  people: { id: string }[];
  devices: { id: string; holderId: string | null }[];
  accounts: {
    id: string;
    logins: { id: string; role: string; status: string; personId: string; usedBy: string[]; twoStep: { deviceId: string | null }[] }[];
    partners: { id: string }[];
    apps: { id: string }[];
    otherAccess: { personId: string }[];
  }[];
}

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

// Paths are built only for a problem: a 50,000-account document has ~1.5 million references, and building
// each one's path up front was most of the time of the check (decision 024).
function checkUnique(items: { id: string }[], path: () => Path, what: string, ctx: Ctx): void {
  // Most lists inside an account hold a handful of entries: comparing pairs beats building a Set for each
  // of 150,000 small lists (decision 030). The first repeat of an id is reported, as with a Set.
  if (items.length > 16) {
    uniqueIds(items, path, what, ctx);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const id = items[i].id;
    for (let j = 0; j < i; j++) {
      if (items[j].id === id) {
        duplicate(id, [...path(), i, "id"], what, ctx);
        break;
      }
    }
  }
}

function uniqueIds(items: { id: string }[], path: () => Path, what: string, ctx: Ctx): IdTable {
  const seen = new IdTable(items);
  for (let i = 0; i < items.length; i++) if (!seen.add(i)) duplicate(items[i].id, [...path(), i, "id"], what, ctx);
  return seen;
}

function duplicate(id: string, path: Path, what: string, ctx: Ctx): void {
  ctx.addIssue({ code: "custom", path, message: `duplicate ${what} id "${id}"`, params: { reason: { key: "duplicateId", vars: { id } } } });
}

function unknownRef(value: string, path: Path, what: string, ctx: Ctx): void {
  ctx.addIssue({ code: "custom", path, message: `expected the id of an entry in ${what}, got unknown "${value}"`, params: { reason: { key: "unknownRef", vars: { list: what, id: value } } } });
}

/** The snapshot-wide id tables the references of every account are checked against. */
export interface SnapshotIdTables {
  people: IdTable;
  devices: IdTable;
}

/**
 * The snapshot-wide part of the check: people and devices unique, each device's holder a person. Accounts are
 * checked one at a time (checkAccountReferences), then checkAccountIds.
 */
export function checkPeopleAndDevices(snapshot: Pick<SnapshotRefs, "people" | "devices">, ctx: Ctx): SnapshotIdTables {
  const people = uniqueIds(snapshot.people, () => ["people"], "person", ctx);
  const devices = uniqueIds(snapshot.devices, () => ["devices"], "device", ctx);
  checkHolders(snapshot.devices, people, ctx);
  return { people, devices };
}

function checkHolders(devices: SnapshotRefs["devices"], people: IdTable, ctx: Ctx): void {
  for (let d = 0; d < devices.length; d++) {
    const holderId = devices[d].holderId;
    if (holderId !== null && !people.has(holderId)) unknownRef(holderId, ["devices", d, "holderId"], "people", ctx);
  }
}

/** Account ids unique across the snapshot. */
export function checkAccountIds(accounts: SnapshotRefs["accounts"], ctx: Ctx): void {
  uniqueIds(accounts, () => ["accounts"], "account", ctx);
}

/**
 * The references of account `a` (at snapshot.accounts[a]): its logins, partners and apps unique within it,
 * each person and device it names known, at most one ACTIVE PRIMARY login. A check of its own so that the
 * fast check (snapshot-check.ts) runs it while it walks the account anyway, with the account's objects still
 * in the processor's cache, instead of a second walk over the 50,000 accounts of a large document (decision
 * 043).
 */
export function checkAccountReferences(account: SnapshotRefs["accounts"][number], a: number, { people, devices }: SnapshotIdTables, ctx: Ctx): void {
  checkUnique(account.logins, () => ["accounts", a, "logins"], "login", ctx);
  checkUnique(account.partners, () => ["accounts", a, "partners"], "partner", ctx);
  checkUnique(account.apps, () => ["accounts", a, "apps"], "app", ctx);
  let activePrimary = 0;
  for (let l = 0; l < account.logins.length; l++) {
    const login = account.logins[l];
    if (!people.has(login.personId)) unknownRef(login.personId, ["accounts", a, "logins", l, "personId"], "people", ctx);
    for (let u = 0; u < login.usedBy.length; u++) {
      const personId = login.usedBy[u];
      // The login's own person is reported once, at personId.
      if (personId !== login.personId && !people.has(personId)) unknownRef(personId, ["accounts", a, "logins", l, "usedBy", u], "people", ctx);
    }
    for (let m = 0; m < login.twoStep.length; m++) {
      const deviceId = login.twoStep[m].deviceId;
      if (deviceId !== null && !devices.has(deviceId)) unknownRef(deviceId, ["accounts", a, "logins", l, "twoStep", m, "deviceId"], "devices", ctx);
    }
    if (login.role === "PRIMARY" && login.status === "ACTIVE" && ++activePrimary > 1) {
      ctx.addIssue({ code: "custom", path: ["accounts", a, "logins", l, "role"], message: "expected at most one ACTIVE PRIMARY login per account", params: { reason: { key: "onePrimary" } } });
    }
  }
  for (let o = 0; o < account.otherAccess.length; o++) {
    const personId = account.otherAccess[o].personId;
    if (!people.has(personId)) unknownRef(personId, ["accounts", a, "otherAccess", o, "personId"], "people", ctx);
  }
}

/** The whole check (the schema's superRefine): its issues in the order zod reports them. */
export function checkSnapshotReferences(snapshot: SnapshotRefs, ctx: Ctx): void {
  const people = uniqueIds(snapshot.people, () => ["people"], "person", ctx);
  const devices = uniqueIds(snapshot.devices, () => ["devices"], "device", ctx);
  checkAccountIds(snapshot.accounts, ctx);
  checkHolders(snapshot.devices, people, ctx);
  // Plain loops, not forEach: ~1.5 million references in a 50,000-account document (decision 030).
  for (let a = 0; a < snapshot.accounts.length; a++) checkAccountReferences(snapshot.accounts[a], a, { people, devices }, ctx);
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const entries = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A reference written as the schema wants an id (its length counted in code units: never more lenient than the schema). */
const isId = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= TEXT_LIMITS.id && isSingleLine(v);

/** The ids of a list whose every entry has a well-formed id; null when one has not (a reference might name it). */
function idsOf(list: unknown): Set<string> | null {
  if (!Array.isArray(list)) return list === undefined ? new Set() : null;
  const ids = new Set<string>();
  for (const entry of list) {
    if (!isRaw(entry) || !isId(entry.id)) return null;
    ids.add(entry.id);
  }
  return ids;
}

/**
 * The unknown references of a document whose format is not valid throughout, reported with its format problems in
 * one pass (decision 094): before, they came only once every format problem was fixed, a second round for the author.
 * Checked wherever that part's format allows it: a reference written as an id, into a list (people, devices) whose
 * every entry has a well-formed id. A reference into a list that has an entry without one is not checked (it might
 * be that entry's). The same problem, path and words as checkSnapshotReferences; uniqueness and the one ACTIVE PRIMARY
 * login are still checked only on a document valid in format.
 */
export function checkUnknownReferencesWhereFormatAllows(document: unknown, ctx: Ctx): void {
  if (!isRaw(document)) return;
  const people = idsOf(document.people);
  const devices = idsOf(document.devices);
  const person = (id: unknown, path: Path) => {
    if (people !== null && isId(id) && !people.has(id)) unknownRef(id, path, "people", ctx);
  };
  const device = (id: unknown, path: Path) => {
    if (devices !== null && isId(id) && !devices.has(id)) unknownRef(id, path, "devices", ctx);
  };
  entries(document.devices).forEach((d, i) => {
    if (isRaw(d)) person(d.holderId, ["devices", i, "holderId"]);
  });
  entries(document.accounts).forEach((account, a) => {
    if (!isRaw(account)) return;
    entries(account.logins).forEach((login, l) => {
      if (!isRaw(login)) return;
      person(login.personId, ["accounts", a, "logins", l, "personId"]);
      entries(login.usedBy).forEach((personId, u) => {
        // The login's own person is reported once, at personId.
        if (personId !== login.personId) person(personId, ["accounts", a, "logins", l, "usedBy", u]);
      });
      entries(login.twoStep).forEach((method, m) => {
        if (isRaw(method)) device(method.deviceId, ["accounts", a, "logins", l, "twoStep", m, "deviceId"]);
      });
    });
    entries(account.otherAccess).forEach((other, o) => {
      if (isRaw(other)) person(other.personId, ["accounts", a, "otherAccess", o, "personId"]);
    });
  });
}
