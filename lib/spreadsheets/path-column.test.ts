import { describe, expect, it } from "vitest";
import { encodeCsvRow } from "../csv";
import { describeBookCheck } from "../i18n/sheet-problems";
import { interpolate } from "../i18n/format";
import { messages } from "../i18n/messages";
import { checkBook } from "./all-problems";
import { loginsColumnOfPath } from "./path-column";
import { readBulkFiles } from "./read-bulk";

const ja = (key: keyof (typeof messages)["ja"], vars?: Record<string, string | number>) => interpolate(messages.ja[key], vars, "ja");
const en = (key: keyof (typeof messages)["en"], vars?: Record<string, string | number>) => interpolate(messages.en[key], vars, "en");

describe("a snapshot problem on a logins sheet's row names the column (newuser42 finding 6)", () => {
  it("maps paths to the sheet's columns", () => {
    expect(loginsColumnOfPath("accounts[0].logins[0].email")).toBe("email");
    expect(loginsColumnOfPath("accounts[1].storeName")).toBe("storeName");
    expect(loginsColumnOfPath("accounts[1].status")).toBe("accountStatus");
    expect(loginsColumnOfPath("accounts[1].marketplaces[0]")).toBe("marketplaces");
    expect(loginsColumnOfPath("accounts[0].logins[2].twoStep[1].role")).toBe("twoStep");
    expect(loginsColumnOfPath("accounts[0].logins[2].permissions[0].marketplace")).toBe("permissionMarketplace");
    expect(loginsColumnOfPath("accounts[0].logins[2].permissions[0].level")).toBeNull();
    expect(loginsColumnOfPath("people[3].name")).toBe("name");
    expect(loginsColumnOfPath("accounts[0].logins")).toBeNull();
  });

  it("says 2行目「email」 and 3行目「store_name」 (the file's headings), not the JSON path, in ja and en", async () => {
    const rows = [
      ["account_id", "store_name", "login_id", "role", "email", "login_status"],
      ["acc-1", "Store 1", "l1", "PRIMARY", "not-an-email", "ACTIVE"],
      ["acc-2", "S".repeat(201), "l2", "PRIMARY", "ok@two.example", "ACTIVE"],
    ];
    const book = await readBulkFiles([{ name: "logins.csv", bytes: new TextEncoder().encode(rows.map(encodeCsvRow).join("")) }]);
    if (!("snapshot" in book) || !book.snapshot || !book.placeOf) throw new Error("expected a readable book");
    const check = checkBook(book.snapshot, book.placeOf, book.ok ? [] : book.problems);
    expect(describeBookCheck(check, ja, "ja").map((d) => d.path)).toEqual(["2行目「email」", "3行目「store_name」"]);
    expect(describeBookCheck(check, en, "en").map((d) => d.path)).toEqual([en("sheet.where", { row: 2, column: "email" }), en("sheet.where", { row: 3, column: "store_name" })]);
  });
});
