import { describe, expect, it } from "vitest";
import { controlCharacterErrors } from "./control-characters";

describe("control characters in form fields", () => {
  it("names each field that holds one, with the message key", () => {
    expect(controlCharacterErrors({ name: "Sato\u0000", note: "ok", label: "\u202eevil" })).toEqual({ name: "validation.controlChars", label: "validation.controlChars" });
  });

  it("lets text areas keep line breaks and tabs, and Japanese text through", () => {
    expect(controlCharacterErrors({ note: "一行目\r\n二行目\tタブ", name: "佐藤 花子" })).toBeNull();
  });
});
