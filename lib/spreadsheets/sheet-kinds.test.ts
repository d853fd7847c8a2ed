import { describe, expect, it } from "vitest";
import { kindOfSheetName, SHEET_NAMES } from "./sheet-kinds";

describe("sheet names", () => {
  it("say 関係者 and 端末, the app's words, and still read files with the earlier names", () => {
    expect([SHEET_NAMES.people.ja, SHEET_NAMES.devices.ja]).toEqual(["関係者", "端末"]);
    expect(["関係者", "人", "people", "端末", "デバイス", "devices"].map(kindOfSheetName)).toEqual(["people", "people", "people", "devices", "devices", "devices"]);
  });
});
