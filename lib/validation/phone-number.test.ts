import { describe, expect, it } from "vitest";
import { containsPhoneNumber, maskPhoneNumbers } from "./phone-number";

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
    "1234-5678",
    "０９０－１２３４－５６７８",
    "090ー1234ー5678",
    "佐藤の携帯 080-9876-5432",
    "iPhone 15 2026-03-01 / 090-1234-5678",
    // Stop 43 (decision 086): slashes separate groups as hyphens do.
    "090/1234/5678",
    "０９０／１２３４／５６７８",
    "Sato (090)1234/5678",
    // "+" in front, or Japan's country code written without it.
    "+819012345678",
    "819012345678",
    "81312345678",
    "iPhone 15 12/25/2026 090 1234 5678",
    // Beside an address or a postcode, a number is still one.
    "Router 192.168.1.10, call 090-1234-5678",
    "〒150-0001 03-1234-5678",
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
    // Review 43: an IPv4 address and a postcode after its mark are not phone numbers.
    "Router 192.168.100.200",
    "10.0.0.1",
    "〒150-0001",
    "〒 150-0001 Shibuya",
    "〒1500001",
    // Stop 43 (decision 086): one unbroken block of digits without a trunk 0 or "+" is a serial or an id, not a
    // number a person is reached on. "1234567" was refused before: it reads like "12345678", the serial below.
    "1234567",
    "YubiKey 5 NFC 12345678",
    "YubiKey 5C NFC SN 23456789",
    "Titan Key serial 1234567890",
    // A date with its year last, now that slashes separate digits.
    "07/12/2026",
    "12-25-2026",
    "7.12.2026",
    "iPhone 15 since 2026/03/01",
  ])("accepts %j", (text) => {
    expect(containsPhoneNumber(text)).toBe(false);
  });
});

describe("maskPhoneNumbers", () => {
  it.each([
    ["Phone 090-1234-5678", "Phone •••-••••-5678"],
    ["Sato iPhone +81 90-1234-5678", "Sato iPhone +•• ••-••••-5678"],
    ["09012345678", "•••••••5678"],
    ["090/1234/5678", "•••/••••/5678"],
    ["佐藤の携帯 ０９０－１２３４－５６７８", "佐藤の携帯 •••-••••-5678"],
    ["iPhone 15 2026-03-01 / 090-1234-5678 and 03-1234-5678", "iPhone 15 2026-03-01 / •••-••••-5678 and ••-••••-5678"],
  ])("masks %j as %j, keeping the last four digits", (label, masked) => {
    expect(maskPhoneNumbers(label)).toBe(masked);
    expect(containsPhoneNumber(maskPhoneNumbers(label))).toBe(false);
    // Masked once is masked: a second pass changes nothing.
    expect(maskPhoneNumbers(masked)).toBe(masked);
  });

  it.each(["iPhone 15", "YubiKey 5 NFC 12345678", "ｉＰｈｏｎｅ　１５", "2026-12-07", "••••5678", ""])("leaves %j as it is, byte for byte", (label) => {
    expect(maskPhoneNumbers(label)).toBe(label);
  });
});
