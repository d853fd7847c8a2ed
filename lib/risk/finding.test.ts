import { describe, expect, it } from "vitest";
import { makeFinding, makeOrganisationFinding } from "./finding";

// makeOrganisationFinding exists only to give the device rules' findings an object literal of their own
// (V8 pretenures per literal; decision 030, stop 30): it must make exactly what makeFinding makes.
describe("makeOrganisationFinding", () => {
  it("makes makeFinding's object, keys in the same order", () => {
    const args = ["acc-1", "SHARED_2SV_DEVICE", "high", { type: "device", id: "d-1" }, `device ${"d-1"} is shared`, { deviceId: "d-1", peopleCount: 2 }] as const;
    const organisation = makeOrganisationFinding(...args);
    const account = makeFinding(...args);
    expect(organisation).toStrictEqual(account);
    expect(Object.keys(organisation)).toEqual(Object.keys(account));
    expect(JSON.stringify(organisation)).toBe(JSON.stringify(account));
  });
});
