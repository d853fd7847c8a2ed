import { describe, expect, it } from "vitest";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { matchPeople, resolvedPersonIds, withResolvedPeople, type ExistingPersonRef } from "./match-people";

const snapshot = snapshotSchema.parse({
  format: "gatehouse.snapshot/v1",
  people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
  devices: [{ id: "d", kind: "PHONE", holderId: "b" }],
  accounts: [{
    id: "acc", storeName: "S", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE",
    logins: [
      { id: "l1", role: "PRIMARY", email: "A@x.example", personId: "a", status: "ACTIVE" },
      { id: "l2", role: "SECONDARY", email: "b@x.example", personId: "b", usedBy: ["b", "c"], status: "ACTIVE" },
      { id: "l3", role: "SECONDARY", email: "b2@x.example", personId: "c", status: "ACTIVE" },
    ],
    otherAccess: [{ personId: "c", console: "ADS", role: "ADMIN" }],
  }],
});
const ref = (id: string, externalId = id): ExistingPersonRef => ({ id, externalId, name: id.toUpperCase() });

describe("matchPeople", () => {
  it("matches by external id first, then by a login's e-mail (any case), and claims each existing person once", () => {
    const matches = matchPeople({
      snapshot,
      byExternalId: new Map([["a", ref("db-a", "a")]]),
      byEmail: new Map([["a@x.example", [ref("db-a", "a")]], ["b@x.example", [ref("db-x", "x")]], ["b2@x.example", [ref("db-x", "x")]]]),
    });
    expect(matches.map((m) => [m.incomingId, m.by, m.existing?.externalId ?? null])).toEqual([["a", "externalId", "a"], ["b", "email", "x"], ["c", null, null]]);
    // c's e-mail points at x, already taken by b: c is a new person, not silently merged into b.
    expect(matches[2]).toMatchObject({ apartFrom: null });
  });

  it("keeps a person apart on request and says from whom", () => {
    const matches = matchPeople({ snapshot, byExternalId: new Map(), byEmail: new Map([["b@x.example", [ref("db-x", "x")]]]), keepApart: new Set(["b"]) });
    expect(matches[1]).toMatchObject({ incomingId: "b", by: null, apartFrom: { email: "b@x.example", existing: { externalId: "x" } } });
  });

  it("rewrites every reference to a matched person", () => {
    const matches = matchPeople({ snapshot, byExternalId: new Map(), byEmail: new Map([["b@x.example", [ref("db-x", "x")]]]) });
    const resolved = withResolvedPeople(snapshot, resolvedPersonIds(matches));
    expect(resolved.people.map((p) => p.id)).toEqual(["a", "x", "c"]);
    expect(resolved.devices[0].holderId).toBe("x");
    expect(resolved.accounts[0].logins[1]).toMatchObject({ personId: "x", usedBy: ["x", "c"] });
    expect(snapshot.accounts[0].logins[1].personId).toBe("b"); // the input is left alone
  });
});
