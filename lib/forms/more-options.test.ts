import { describe, expect, it } from "vitest";
import { choicesFromResponse, mergeChoices } from "./more-options";

describe("choicesFromResponse", () => {
  it("reads the clients route's answer as choices, in its order", () => {
    expect(choicesFromResponse({ clients: [{ id: "b", name: "Beta" }, { id: "a", name: "Alpha" }] })).toEqual([
      { value: "b", label: "Beta" },
      { value: "a", label: "Alpha" },
    ]);
    expect(choicesFromResponse({ clients: [] })).toEqual([]);
  });

  it("refuses anything else (an error body, a malformed item, an empty id)", () => {
    expect(choicesFromResponse({ error: "UNAUTHENTICATED" })).toBeNull();
    expect(choicesFromResponse(null)).toBeNull();
    expect(choicesFromResponse({ clients: [{ id: 1, name: "x" }] })).toBeNull();
    expect(choicesFromResponse({ clients: [{ id: "", name: "x" }] })).toBeNull();
    expect(choicesFromResponse({ clients: [null] })).toBeNull();
  });
});

describe("mergeChoices", () => {
  const none = { value: "", label: "No client" };
  const own = { value: "c2", label: "Client 2" };

  it("keeps the blank choice first, then the fetched ones in order, each once", () => {
    const fetched = [{ value: "c1", label: "Client 1" }, own, { value: "c3", label: "Client 3" }];
    expect(mergeChoices([none, own], fetched).map((c) => c.value)).toEqual(["", "c1", "c2", "c3"]);
  });

  it("keeps the current choice when the fetched list no longer has it", () => {
    expect(mergeChoices([own], [{ value: "c1", label: "Client 1" }]).map((c) => c.value)).toEqual(["c1", "c2"]);
  });

  it("without a blank choice, does not add one", () => {
    expect(mergeChoices([own], [own]).map((c) => c.value)).toEqual(["c2"]);
  });
});
