import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table";

// IdTable replaced a Set in the reference check (decision 030, stop 27): the same answers as a Set for
// add (false exactly where the Set already had the id) and has, on lists with repeats and collisions.
describe("IdTable", () => {
  it("answers as a Set would, repeats included", () => {
    const id = fc.oneof(fc.constantFrom("p-1", "p-2", "", "x", "é", "😀"), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(id, { maxLength: 60 }), fc.array(id, { maxLength: 20 }), (ids, probes) => {
      const items = ids.map((value) => ({ id: value }));
      const table = new IdTable(items);
      const set = new Set<string>();
      for (let i = 0; i < items.length; i++) {
        expect(table.add(i)).toBe(!set.has(ids[i]));
        set.add(ids[i]);
      }
      for (const probe of [...probes, ...ids]) expect(table.has(probe)).toBe(set.has(probe));
    }), { numRuns: 500 });
  });

  it("holds a list larger than its starting size", () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: `d-${i}` }));
    const table = new IdTable(items);
    expect(items.every((_, i) => table.add(i))).toBe(true);
    expect(table.has("d-4999") && !table.has("d-5000")).toBe(true);
  });
});
