import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_HEAP_MB, importHeapMb } from "./isolated";

describe("the import process's heap (GATEHOUSE_IMPORT_HEAP_MB)", () => {
  it("is 192 MB unless set, the setting when it is a whole number from 64 up", () => {
    expect(DEFAULT_IMPORT_HEAP_MB).toBe(192);
    expect(importHeapMb({})).toBe(192);
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "" })).toBe(192);
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "128" })).toBe(128);
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "1024" })).toBe(1024);
  });
  it("falls back to the default for a value the start would have refused (lib/env.ts stops the launcher on it)", () => {
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "32" })).toBe(192);
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "1.5" })).toBe(192);
    expect(importHeapMb({ GATEHOUSE_IMPORT_HEAP_MB: "lots" })).toBe(192);
  });
});
