import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { SAMPLE_SELLER_ID } from "@/lib/spreadsheets/template";
import { looksLikeMerchantToken, sellerIdWorthChecking } from "./seller-id-shape";

describe("a seller ID's shape", () => {
  it("is a merchant token's: A, then upper-case letters or digits, 13 or 14 characters in all", () => {
    for (const id of ["A2EXAMPLE0001", "A0TEMPLATE0001", "APJ6JRA9NG5V4", "A1VC38T7YXB528"]) expect(looksLikeMerchantToken(id), id).toBe(true);
  });

  it("is odd when a character is missing or extra, in lower case, spaced, or not a token at all", () => {
    for (const id of ["A2EXAMPLE001", "A2EXAMPLE000001", "a2example0001", "A2EXAMPLE 0001", "B2EXAMPLE0001", "A2EXAMPLE-001", "123-456", "A2EXAMPLE0001 "]) {
      expect(looksLikeMerchantToken(id), id).toBe(false);
      expect(sellerIdWorthChecking(id), id).toBe(true);
    }
  });

  it("says nothing when no seller ID is recorded", () => {
    expect(sellerIdWorthChecking(null)).toBe(false);
    expect(sellerIdWorthChecking(undefined)).toBe(false);
    expect(sellerIdWorthChecking("")).toBe(false);
  });

  it("flags none of the demo's, the sample snapshot's or the templates' own IDs", () => {
    const demo = buildDemoPortfolio("2026-12-07").snapshot.accounts.map((a) => a.sellerId);
    expect(demo).toHaveLength(40);
    const sample = (JSON.parse(readFileSync(new URL("../../examples/snapshot.sample.json", import.meta.url), "utf8")) as { accounts: { sellerId: string | null }[] }).accounts.map((a) => a.sellerId);
    expect(sample).toContain("A2EXAMPLE0001");
    expect([...demo, ...sample, SAMPLE_SELLER_ID].filter((id) => sellerIdWorthChecking(id))).toEqual([]);
  });
});
