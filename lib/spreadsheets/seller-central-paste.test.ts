import { describe, expect, it } from "vitest";
import { applyPasteToAccount, readSellerCentralPaste } from "./seller-central-paste";
import { parseSnapshot, type Snapshot } from "../validation/snapshot";

const EN = "Name\tEmail address\tStatus\tAction\nSato Hana\towner@sakura.example\tActive\tManage permissions\nIto Ken\tken@blue.example\tPending\tEdit\n";
const JA = "名前\tEメールアドレス\tステータス\n佐藤 花\towner@sakura.example\t有効\n伊藤 健\tken@blue.example\t招待中\n";

describe("a user list pasted from Seller Central", () => {
  it("reads the English and the Japanese page alike, with or without the header row", () => {
    const expected = [
      { line: 2, name: "Sato Hana", email: "owner@sakura.example", status: "ACTIVE" },
      { line: 3, name: "Ito Ken", email: "ken@blue.example", status: "INVITED" },
    ];
    expect(readSellerCentralPaste(EN)).toEqual({ ok: true, users: expected });
    const ja = readSellerCentralPaste(JA);
    expect(ja.ok && ja.users.map((u) => [u.name, u.email, u.status])).toEqual([["佐藤 花", "owner@sakura.example", "ACTIVE"], ["伊藤 健", "ken@blue.example", "INVITED"]]);
    const headless = readSellerCentralPaste(EN.split("\n").slice(1).join("\r\n"));
    expect(headless.ok && headless.users.map((u) => u.line)).toEqual([1, 2]);
  });

  it("reads a paste with each cell on its own line", () => {
    const result = readSellerCentralPaste("Name\nEmail\nStatus\nSato Hana\nowner@sakura.example\nActive\nIto Ken\nken@blue.example\nDisabled\n");
    expect(result.ok && result.users.map((u) => [u.name, u.email, u.status])).toEqual([["Sato Hana", "owner@sakura.example", "ACTIVE"], ["Ito Ken", "ken@blue.example", "DISABLED"]]);
  });

  it("names the line of every problem: an unreadable status, a row without an e-mail, an address twice, nothing at all", () => {
    expect(readSellerCentralPaste("A\ta@x.example\tMaybe\nB\tno address\tActive\nC\tA@x.example\tActive")).toEqual({
      ok: false,
      problems: [{ line: 1, key: "badStatus", value: "Maybe" }, { line: 2, key: "noEmail" }, { line: 3, key: "twice", email: "A@x.example" }],
    });
    expect(readSellerCentralPaste("  \n")).toEqual({ ok: false, problems: [{ line: 0, key: "noRows" }] });
  });

  it("becomes the account's logins: statuses updated, new users added, users no longer listed marked removed, the primary kept", () => {
    const stored = parseSnapshot({
      format: "gatehouse.snapshot/v1",
      people: [{ id: "p-sato", name: "Sato" }, { id: "p-old", name: "Old" }],
      accounts: [{ id: "acc", storeName: "S", region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", logins: [
        { id: "l-owner", role: "PRIMARY", email: "Owner@Sakura.example", personId: "p-sato", status: "ACTIVE" },
        { id: "l-old", role: "SECONDARY", email: "old@sakura.example", personId: "p-old", status: "ACTIVE" },
      ] }],
    });
    if (!stored.ok) throw new Error("bad fixture");
    const users = readSellerCentralPaste(EN);
    if (!users.ok) throw new Error("bad paste");
    const next: Snapshot = applyPasteToAccount(stored.snapshot, users.users);
    expect(parseSnapshot(next).ok).toBe(true);
    expect(next.accounts[0].logins.map((l) => [l.id, l.role, l.status, l.personId])).toEqual([
      ["l-owner", "PRIMARY", "ACTIVE", "p-sato"], ["l-old", "SECONDARY", "REMOVED", "p-old"], ["ken@blue.example", "SECONDARY", "INVITED", "ken@blue.example"],
    ]);
    expect(next.people.find((p) => p.id === "ken@blue.example")?.name).toBe("Ito Ken");
    expect(applyPasteToAccount(next, users.users)).toEqual(next);
  });
});
