import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/forms/fields";
import { messages } from "@/lib/i18n/messages";
import { addDays } from "@/lib/dates";
import { utcToday } from "@/lib/days";
import { acceptFindingSchema } from "./findings";
import { containsPhoneNumber, holdsNoPhoneNumber, maskPhoneNumbers, PHONE_NUMBER_IN_NOTE_KEY } from "./phone-number";
import { bulkDecideSchema, closeTaskSchema, decideItemSchema } from "./reviews";
import { recordTriageSchema } from "./triage";

// Free text a person types is held to the labels' rule (decision 095): Gatehouse never stores a full phone number.
// Every multi-line text field of the forms, with the rest of its form valid, and where its text goes.
const FREE_TEXT: [string, z.ZodType, Record<string, unknown>, string][] = [
  ["a risk acceptance's reason", acceptFindingSchema, { findingId: "f-1", until: addDays(utcToday(), 30) }, "reason"],
  ["a review decision's comment", decideItemSchema, { itemId: "i-1", decision: "KEEP" }, "comment"],
  ["a bulk review decision's comment", bulkDecideSchema, { campaignId: "c-1", itemIds: "i-1,i-2", decision: "KEEP", confirm: "yes" }, "comment"],
  ["a task's closing note", closeTaskSchema, { taskId: "t-1" }, "note"],
  ["a triage outcome's note", recordTriageSchema, { accountId: "a-1", outcome: "ESCALATED" }, "note"],
];
const WITH_NUMBERS = ["Call Sato on 090-1234-5678 before changing it", "owner's mobile +81 90 1234 5678", "電話 ０３－１２３４－５６７８ で確認済み", "line 1\nfax 03 1234 5678"];
const WITHOUT = ["Checked with the owner on 2026-12-07 by phone", "Sato's phone (…5678) is the backup", "support case 1234567 opened", "〒150-0001 office; VPN 192.168.100.200", "iPhone 15 Pro, 256 GB"];

describe("free text holding a phone number (decision 095)", () => {
  for (const [what, schema, rest, field] of FREE_TEXT) {
    it(`refuses one in ${what}, at the field, with where the last four go`, () => {
      for (const text of WITH_NUMBERS) {
        const parsed = schema.safeParse({ ...rest, [field]: text });
        expect(parsed.success, text).toBe(false);
        expect(fieldErrorsOf(parsed.error!), text).toEqual({ [field]: PHONE_NUMBER_IN_NOTE_KEY });
      }
    });
    it(`takes ${what} without one as typed: dates, the last four, case numbers, a postcode, an address`, () => {
      for (const text of WITHOUT) {
        const parsed = schema.safeParse({ ...rest, [field]: text });
        expect(parsed.success, text).toBe(true);
        expect((parsed.data as Record<string, unknown>)[field]).toBe(text);
      }
    });
  }

  // Decision 093: notes name Amazon orders, whose ids (3-7-7 digits) read as a number to be dialled.
  const ORDER_IDS = ["Refund for order 250-1234567-1234567 approved", "注文番号 ２５０－１２３４５６７－１２３４５６７ を確認", "orders 503-1234567-7654321, 111-7654321-1234567"];
  const ORDER_IDS_AND_NUMBERS = ["order 250-1234567-1234567, buyer 090-1234-5678", "250-1234567-1234567 090 1234 5678", "+81 90 1234 5678 / 250-1234567-1234567"];
  for (const [what, schema, rest, field] of FREE_TEXT) {
    it(`takes an Amazon order id in ${what} as typed, and still refuses a phone number beside one`, () => {
      for (const text of ORDER_IDS) {
        const parsed = schema.safeParse({ ...rest, [field]: text });
        expect(parsed.success, text).toBe(true);
        expect((parsed.data as Record<string, unknown>)[field]).toBe(text);
      }
      for (const text of ORDER_IDS_AND_NUMBERS) {
        const parsed = schema.safeParse({ ...rest, [field]: text });
        expect(parsed.success, text).toBe(false);
        expect(fieldErrorsOf(parsed.error!), text).toEqual({ [field]: PHONE_NUMBER_IN_NOTE_KEY });
      }
    });
  }

  it("exempts only the order id's exact shape, and only in free text: a label's masking still masks one", () => {
    // Not an order id: other group lengths, another separator, or glued to more digits.
    for (const text of ["250-12345678-1234567", "250 1234567 1234567", "2250-1234567-1234567", "250-1234567-12345678"]) expect(holdsNoPhoneNumber(text), text).toBe(false);
    expect(holdsNoPhoneNumber("250-1234567-1234567")).toBe(true);
    expect(containsPhoneNumber("250-1234567-1234567")).toBe(true);
    expect(maskPhoneNumbers("Order 250-1234567-1234567")).toBe("Order •••-•••••••-•••4567");
  });

  it("says in both languages that only the last four digits are kept, and how to write them", () => {
    expect(messages.en[PHONE_NUMBER_IN_NOTE_KEY]).toContain("last 4 digits");
    expect(messages.en[PHONE_NUMBER_IN_NOTE_KEY]).toContain("…5678");
    expect(messages.ja[PHONE_NUMBER_IN_NOTE_KEY]).toContain("下4桁");
    expect(messages.ja[PHONE_NUMBER_IN_NOTE_KEY]).toContain("…5678");
  });
});
