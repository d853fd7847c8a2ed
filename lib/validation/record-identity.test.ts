import { describe, expect, it } from "vitest";
import { clientNameKey, loginEmailKey, sameTwoStepMethod } from "./record-identity";

describe("the same record twice", () => {
  it("login e-mails compare ignoring case and surrounding spaces; none recorded is no key", () => {
    expect(loginEmailKey("OWNER@kumo.example")).toBe(loginEmailKey("owner@kumo.example"));
    expect(loginEmailKey(" owner@kumo.example ")).toBe("owner@kumo.example");
    expect(loginEmailKey("owner2@kumo.example")).not.toBe(loginEmailKey("owner@kumo.example"));
    expect(loginEmailKey("")).toBeNull();
    expect(loginEmailKey(null)).toBeNull();
  });

  const sms = { kind: "SMS", phoneLast4: "1234", deviceId: null };
  it.each([
    ["the same SMS number", sms, true],
    ["another number", { ...sms, phoneLast4: "5678" }, false],
    ["voice on the same number (another method)", { ...sms, kind: "VOICE" }, false],
    // One phone number is one method whether or not a device was named for it (edit the first to name it).
    ["the same number on a named device", { ...sms, deviceId: "d-1" }, true],
    ["a method with no number recorded", { ...sms, phoneLast4: null }, false],
  ])("SMS ••••1234 against %s", (_, other, same) => {
    expect(sameTwoStepMethod(sms, other)).toBe(same);
    expect(sameTwoStepMethod(other, sms)).toBe(same);
  });

  it("an authenticator app is the same on the same device, another on another device", () => {
    const app = { kind: "AUTHENTICATOR_APP", phoneLast4: null, deviceId: "d-1" };
    expect(sameTwoStepMethod(app, { ...app })).toBe(true);
    expect(sameTwoStepMethod(app, { ...app, deviceId: "d-2" })).toBe(false);
    // No device recorded: nothing says two apps are one ("1Password" as the backup of a primary app).
    expect(sameTwoStepMethod({ ...app, deviceId: null }, { ...app, deviceId: null })).toBe(false);
    expect(sameTwoStepMethod({ ...app, deviceId: null }, app)).toBe(false);
  });

  it("the same last four on two different devices are two phones", () => {
    expect(sameTwoStepMethod({ ...sms, deviceId: "d-1" }, { ...sms, deviceId: "d-2" })).toBe(false);
    expect(sameTwoStepMethod({ ...sms, phoneLast4: null }, { ...sms, phoneLast4: null })).toBe(false);
  });
});

describe("client names that name the same company", () => {
  it.each([
    ["Ｋｕｍｏ　ＫＫ", "Kumo KK"],
    ["kumo kk", "Kumo KK"],
    ["  Kumo   KK ", "Kumo KK"],
    ["ｻｸﾗ茶", "サクラ茶"],
    ["STRASSE GmbH", "straße gmbh"],
  ])("%s is %s", (a, b) => expect(clientNameKey(a)).toBe(clientNameKey(b)));

  it.each([
    ["Kumo KK", "Kumo K.K."],
    ["Kumo KK", "KumoKK"],
    ["サクラ茶", "さくら茶"],
  ])("%s is not %s", (a, b) => expect(clientNameKey(a)).not.toBe(clientNameKey(b)));
});
