import { describe, expect, it } from "vitest";
import { buildDemoPortfolio } from "@/lib/demo/demo-snapshot";
import { snapshotSchema } from "@/lib/validation/snapshot";
import { evaluateSnapshot } from "./evaluate";
import { humaniseEvidence, mentionedIds, snapshotLabels } from "./humanise";
import { account, login, person, primaryLogin, snapshot } from "./test-factory";

const labels = new Map([
  ["9f1c-login", "owner@sakura.example"],
  ["77aa-person", "Sato Hana (Sakura Tea)"],
  ["d0d0-device", "iPhone"],
]);

describe("humaniseEvidence", () => {
  it("turns 'ID (details)' into the details", () => {
    expect(humaniseEvidence("primary login 9f1c-login (owner@sakura.example) has no 2SV method", ["9f1c-login"], labels)).toBe(
      "primary login owner@sakura.example has no 2SV method",
    );
  });

  it("replaces a bare id with its label, and leaves unknown ids alone", () => {
    expect(humaniseEvidence("used by 77aa-person and zz-unknown", ["77aa-person", "zz-unknown"], labels)).toBe("used by Sato Hana (Sakura Tea) and zz-unknown");
  });

  it("keeps nested parentheses balanced", () => {
    expect(humaniseEvidence('device d0d0-device ("iPhone", PHONE, held by 77aa-person (Sato)) is shared', ["d0d0-device", "77aa-person"], labels)).toBe(
      'device "iPhone", PHONE, held by Sato is shared',
    );
    expect(humaniseEvidence('device d0d0-device ("iPhone", PHONE, held by 77aa-person) is shared', ["d0d0-device", "77aa-person"], labels)).toBe(
      'device "iPhone", PHONE, held by Sato Hana (Sakura Tea) is shared',
    );
  });

  it("replaces every occurrence", () => {
    expect(humaniseEvidence("9f1c-login, 9f1c-login", ["9f1c-login"], labels)).toBe("owner@sakura.example, owner@sakura.example");
  });
});

describe("mentionedIds", () => {
  it("finds every labelled id in a list, and nothing else", () => {
    const text = "a 2SV method of 2 people's logins (77aa-person, zz-unknown); on this account: 9f1c-login";
    expect(mentionedIds(text, labels).sort()).toEqual(["77aa-person", "9f1c-login"]);
    expect(humaniseEvidence(text, mentionedIds(text, labels), labels)).toBe(
      "a 2SV method of 2 people's logins (Sato Hana (Sakura Tea), zz-unknown); on this account: owner@sakura.example",
    );
  });
});

describe("snapshotLabels", () => {
  it("names a person with a company as 'Name (Company)', so a list of people counts right", () => {
    const labelled = snapshotLabels(
      snapshot({
        people: [
          { id: "p-1", name: "Mori Team Lead", external: false, company: "Mori Outdoor", departedAt: null },
          { id: "p-2", name: "Mori Aoi", external: false, company: "Mori Outdoor", departedAt: null },
          { id: "p-3", name: "Ito Ken", external: true, company: null, departedAt: null },
        ],
        accounts: [],
      }),
    );
    const text = "3 people can administer the account (limit 2): p-1, p-2, p-3";
    expect(humaniseEvidence(text, mentionedIds(text, labelled), labelled)).toBe(
      "3 people can administer the account (limit 2): Mori Team Lead (Mori Outdoor), Mori Aoi (Mori Outdoor), Ito Ken",
    );
  });
});

describe("an outsider in evidence", () => {
  // New-user pass 44, F10: the demo's shared agency login read "external Blue Ocean Ads (shared), Blue Ocean Ads",
  // as if two parties held it.
  it("is named once, with the company only when the name does not already say it", () => {
    const snap = snapshot({
      people: [
        person("p-blue", { name: "Blue Ocean Ads (shared)", external: true, company: "Blue Ocean Ads" }),
        person("p-ogawa", { name: "Ogawa Taro", external: true, company: "Blue Ocean Ads" }),
        person("p-wide", { name: "ＢＬＵＥ ＯＣＥＡＮ ＡＤＳ 共用", external: true, company: "Blue Ocean Ads" }),
      ],
      accounts: [
        account({
          logins: [
            primaryLogin(),
            login("l-blue", "p-blue", { permissions: [{ tool: "ADVERTISING", level: "ADMIN", marketplace: "JP" }] }),
            login("l-ogawa", "p-ogawa", { permissions: [{ tool: "ADVERTISING", level: "ADMIN", marketplace: "JP" }] }),
          ],
        }),
      ],
    });
    const labels = snapshotLabels(snap);
    const evidence = evaluateSnapshot(snap, { asOf: "2026-11-23" }).accounts[0].findings
      .filter((f) => f.rule === "EXTERNAL_ADMIN")
      .map((f) => humaniseEvidence(f.evidence, mentionedIds(f.evidence, labels), labels))
      .sort();
    expect(evidence).toEqual([
      "secondary login l-blue@example.com belongs to external Blue Ocean Ads (shared) and can administer the account (ADVERTISING:ADMIN)",
      "secondary login l-ogawa@example.com belongs to external Ogawa Taro (Blue Ocean Ads) and can administer the account (ADVERTISING:ADMIN)",
    ]);
    // Compared as names are (NFKC, any case, spaces ignored): a full-width name says the company too.
    expect([labels.get("p-blue"), labels.get("p-ogawa"), labels.get("p-wide")]).toEqual(["Blue Ocean Ads (shared)", "Ogawa Taro (Blue Ocean Ads)", "ＢＬＵＥ ＯＣＥＡＮ ＡＤＳ 共用"]);
  });

  it("never names the demo's agency twice in a row", () => {
    const snap = snapshotSchema.parse(buildDemoPortfolio("2026-11-23").snapshot);
    const labels = snapshotLabels(snap);
    const texts = evaluateSnapshot(snap, { asOf: "2026-11-23" }).accounts.flatMap((a) => a.findings).map((f) => humaniseEvidence(f.evidence, mentionedIds(f.evidence, labels), labels));
    expect(texts.filter((t) => t.includes("external Blue Ocean Ads (shared) and can administer"))).not.toEqual([]);
    for (const text of texts) expect(text).not.toMatch(/Blue Ocean Ads \(shared\)(, | \()Blue Ocean Ads/);
  });
});
