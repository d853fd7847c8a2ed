import { describe, expect, it } from "vitest";
import { containsPhoneNumber } from "./phone-number";

describe("containsPhoneNumber", () => {
  it.each([
    "Sato iPhone +81 90-1234-5678",
    "09012345678",
    "090-1234-5678",
    "090 1234 5678",
    "03-1234-5678",
    "(03) 1234-5678",
    "+1 (415) 555-0100",
    "+44 20 7946 0958",
    "415.555.0100",
    "1234567",
    "1234-5678",
    "０９０－１２３４－５６７８",
    "090ー1234ー5678",
    "佐藤の携帯 080-9876-5432",
    "iPhone 15 2026-03-01 / 090-1234-5678",
  ])("refuses %j", (text) => {
    expect(containsPhoneNumber(text)).toBe(true);
  });

  it.each([
    "",
    "iPhone 15",
    "iPhone 15 Pro 256GB",
    "Pixel 8a",
    "Galaxy S23 Ultra",
    "Galaxy S23 2023",
    "YubiKey 5C NFC",
    "2026-12-07",
    "2026/12/07",
    "2026.12.7",
    "20261207",
    "iPhone 15 (since 2026-12-07)",
    "Sato's phone, ends 5678",
    "••••5678",
    "123456",
    "Google Authenticator",
    "経理部の共用端末",
  ])("accepts %j", (text) => {
    expect(containsPhoneNumber(text)).toBe(false);
  });
});
