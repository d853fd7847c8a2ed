import { describe, expect, it } from "vitest";
import { IdIndex } from "./id-index";

describe("IdIndex", () => {
  const indexOf = <T extends { id: string }>(records: T[]) => {
    const index = new IdIndex(records);
    records.forEach((_, i) => index.add(i));
    return index;
  };

  it("finds every record by id, also through an equal id that is a different string", () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({ id: `p-${i}-owner`, n: i }));
    const index = indexOf(records);
    for (const record of records) expect(index.get(JSON.parse(JSON.stringify(record.id)))).toBe(record);
    expect(index.get("p-5000-owner")).toBeUndefined();
    expect(indexOf([]).get("p-1")).toBeUndefined();
  });

  it("keeps the last record of a repeated id, like Map.set", () => {
    const index = indexOf([{ id: "p-1", n: 1 }, { id: "p-2", n: 2 }, { id: "p-1", n: 3 }]);
    expect(index.get("p-1")).toEqual({ id: "p-1", n: 3 });
  });
});
