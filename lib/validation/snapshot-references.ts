import type { z } from "zod";

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
function checkUnique(items: { id: string }[], path: () => Path, what: string, ctx: Ctx): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i].id;
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: [...path(), i, "id"], message: `duplicate ${what} id "${id}"`, params: { reason: { key: "duplicateId", vars: { id } } } });
    seen.add(id);
  }
  return seen;
}

function unknownRef(value: string, path: Path, what: string, ctx: Ctx): void {
  ctx.addIssue({ code: "custom", path, message: `expected the id of an entry in ${what}, got unknown "${value}"`, params: { reason: { key: "unknownRef", vars: { list: what, id: value } } } });
}

export function checkSnapshotReferences(snapshot: SnapshotRefs, ctx: Ctx): void {
  const people = checkUnique(snapshot.people, () => ["people"], "person", ctx);
  const devices = checkUnique(snapshot.devices, () => ["devices"], "device", ctx);
  checkUnique(snapshot.accounts, () => ["accounts"], "account", ctx);

  snapshot.devices.forEach((device, d) => {
    if (device.holderId !== null && !people.has(device.holderId)) unknownRef(device.holderId, ["devices", d, "holderId"], "people", ctx);
  });

  snapshot.accounts.forEach((account, a) => {
    checkUnique(account.logins, () => ["accounts", a, "logins"], "login", ctx);
    checkUnique(account.partners, () => ["accounts", a, "partners"], "partner", ctx);
    checkUnique(account.apps, () => ["accounts", a, "apps"], "app", ctx);
    let activePrimary = 0;
    account.logins.forEach((login, l) => {
      if (!people.has(login.personId)) unknownRef(login.personId, ["accounts", a, "logins", l, "personId"], "people", ctx);
      login.usedBy.forEach((personId, u) => {
        // The login's own person is reported once, at personId.
        if (personId !== login.personId && !people.has(personId)) unknownRef(personId, ["accounts", a, "logins", l, "usedBy", u], "people", ctx);
      });
      login.twoStep.forEach((method, m) => {
        if (method.deviceId !== null && !devices.has(method.deviceId)) unknownRef(method.deviceId, ["accounts", a, "logins", l, "twoStep", m, "deviceId"], "devices", ctx);
      });
      if (login.role === "PRIMARY" && login.status === "ACTIVE" && ++activePrimary > 1) {
        ctx.addIssue({ code: "custom", path: ["accounts", a, "logins", l, "role"], message: "expected at most one ACTIVE PRIMARY login per account", params: { reason: { key: "onePrimary" } } });
      }
    });
    account.otherAccess.forEach((entry, o) => {
      if (!people.has(entry.personId)) unknownRef(entry.personId, ["accounts", a, "otherAccess", o, "personId"], "people", ctx);
    });
  });
}
