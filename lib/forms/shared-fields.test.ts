import { describe, expect, it } from "vitest";
import { fullRecordValues, sparseRecordValues, withRecordValues } from "./shared-fields";

const shared = [
  { name: "role", label: "Role", defaultValue: "SECONDARY", options: [{ value: "PRIMARY", label: "Primary" }] },
  { name: "email", label: "Email" },
  { name: "personId", label: "Person", picker: { messages: { search: "Search" }, none: undefined as { id: ""; name: string } | undefined } },
] as { name: string; label: string; defaultValue?: string; options?: unknown[]; picker?: { messages: object; selectedName?: string; exclude?: string } }[];

describe("withRecordValues", () => {
  it("gives each field its record's value as default and lays the record's picker part over the shared one", () => {
    const fields = withRecordValues(shared, { role: "PRIMARY", email: "a@b.example", personId: "p1" }, { personId: { selectedName: "Aoi" } });
    expect(fields.map((f) => f.defaultValue)).toEqual(["PRIMARY", "a@b.example", "p1"]);
    expect(fields[2].picker).toEqual({ messages: { search: "Search" }, none: undefined, selectedName: "Aoi" });
    // The option list and the picker's words stay the shared objects (the flight names them by reference).
    expect(fields[0].options).toBe(shared[0].options);
    expect(fields[2].picker?.messages).toBe(shared[2].picker?.messages);
  });

  it("leaves the shared descriptions as they were, and unvalued fields as the same objects", () => {
    const fields = withRecordValues(shared, { email: "x@y.example" });
    expect(shared[1]).toEqual({ name: "email", label: "Email" });
    expect(fields[0]).toBe(shared[0]);
    expect(fields[0].defaultValue).toBe("SECONDARY");
  });

  it("an empty value is a value (a cleared date), not the shared default", () => {
    expect(withRecordValues(shared, { role: "" })[0].defaultValue).toBe("");
  });

  it("without values, the shared fields as they are", () => {
    expect(withRecordValues(shared)).toEqual(shared);
  });
});

describe("sparseRecordValues / fullRecordValues", () => {
  const fields = [{ name: "role", defaultValue: "BACKUP" }, { name: "label" }, { name: "phoneLast4", defaultValue: "" }, { name: "kind" }];
  it("leaves out the values the form would show anyway, and keeps the rest", () => {
    expect(sparseRecordValues(fields, { role: "BACKUP", label: "", phoneLast4: "1234", kind: "SMS", other: "" })).toEqual({ phoneLast4: "1234", kind: "SMS", other: "" });
    expect(sparseRecordValues(fields, { role: "PRIMARY", label: "Work" })).toEqual({ role: "PRIMARY", label: "Work" });
  });
  it("gives the same form as the whole values", () => {
    const whole = { role: "BACKUP", label: "", phoneLast4: "", kind: "AUTHENTICATOR_APP" };
    const sparse = sparseRecordValues(fields, whole);
    expect(withRecordValues(fields, sparse).map((f) => f.defaultValue ?? "")).toEqual(withRecordValues(fields, whole).map((f) => f.defaultValue ?? ""));
    expect(fullRecordValues(fields, sparse)).toEqual(whole);
  });
});
