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

function checkUnique(items: { id: string }[], path: Path, what: string, ctx: Ctx): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [...path, i, "id"], message: `duplicate ${what} id "${item.id}"`, params: { reason: { key: "duplicateId", vars: { id: item.id } } } });
    seen.add(item.id);
  });
  return seen;
}

function checkRef(ids: Set<string>, value: string, path: Path, what: string, ctx: Ctx): void {
  if (!ids.has(value)) ctx.addIssue({ code: "custom", path, message: `expected the id of an entry in ${what}, got unknown "${value}"`, params: { reason: { key: "unknownRef", vars: { list: what, id: value } } } });
}

export function checkSnapshotReferences(snapshot: SnapshotRefs, ctx: Ctx): void {
  const people = checkUnique(snapshot.people, ["people"], "person", ctx);
  const devices = checkUnique(snapshot.devices, ["devices"], "device", ctx);
  checkUnique(snapshot.accounts, ["accounts"], "account", ctx);

  snapshot.devices.forEach((device, d) => {
    if (device.holderId !== null) checkRef(people, device.holderId, ["devices", d, "holderId"], "people", ctx);
  });

  snapshot.accounts.forEach((account, a) => {
    const base: Path = ["accounts", a];
    checkUnique(account.logins, [...base, "logins"], "login", ctx);
    checkUnique(account.partners, [...base, "partners"], "partner", ctx);
    checkUnique(account.apps, [...base, "apps"], "app", ctx);
    let activePrimary = 0;
    account.logins.forEach((login, l) => {
      const at: Path = [...base, "logins", l];
      checkRef(people, login.personId, [...at, "personId"], "people", ctx);
      login.usedBy.forEach((personId, u) => {
        // The login's own person is reported once, at personId.
        if (personId !== login.personId) checkRef(people, personId, [...at, "usedBy", u], "people", ctx);
      });
      login.twoStep.forEach((method, m) => {
        if (method.deviceId !== null) checkRef(devices, method.deviceId, [...at, "twoStep", m, "deviceId"], "devices", ctx);
      });
      if (login.role === "PRIMARY" && login.status === "ACTIVE" && ++activePrimary > 1) {
        ctx.addIssue({ code: "custom", path: [...at, "role"], message: "expected at most one ACTIVE PRIMARY login per account", params: { reason: { key: "onePrimary" } } });
      }
    });
    account.otherAccess.forEach((entry, o) => checkRef(people, entry.personId, [...base, "otherAccess", o, "personId"], "people", ctx));
  });
}
