import { createWriteStream } from "node:fs";
import { once } from "node:events";

// A generated logins spreadsheet (CSV) of any size, written row by row: `perAccount` logins per account
// (the owner, two agency staff shared by many accounts, the seller's own staff). Used by the large-import
// tests and bench/import.ts.

const TOOLS = ["ORDERS", "INVENTORY", "FBA", "BUSINESS_REPORTS", "ADVERTISING", "USER_PERMISSIONS"];

export async function writeLoginsCsv(path: string, rows: number, options: { perAccount?: number; prefix?: string } = {}): Promise<void> {
  const per = options.perAccount ?? 10;
  const prefix = options.prefix ?? "";
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write(["account_id", "store_name", "seller_id", "region", "marketplaces", "login_id", "role", "email", "person_id", "name", "external", "company", "login_status", "last_login_at", "two_step", ...TOOLS].join(",") + "\n");
  for (let r = 0; r < rows; r++) {
    const a = Math.floor(r / per);
    const j = r % per;
    const person = j === 0 ? `p-${a}-owner` : j < 3 ? `p-agency-${(a * 7 + j) % 2_000}` : `p-${a}-${j}`;
    const level = (t: number) => (t === 5 ? (j === 0 ? "ADMIN" : "") : ["VIEW", "VIEW_EDIT", "ADMIN", ""][(a + j + t) % 4]);
    await write(
      [`acc-${a}`, `Store ${a}`, `${prefix}S${String(a).padStart(12, "0")}`, "JP", "JP", `l-${a}-${j}`, j === 0 ? "PRIMARY" : "SECONDARY", `${person}@example.com`, person,
        `Person ${person}`, j > 0 && j < 3 ? "yes" : "no", j > 0 && j < 3 ? "Agency" : "", (a + j) % 17 === 0 ? "DISABLED" : "ACTIVE", `2026-${String(1 + ((a + j) % 11)).padStart(2, "0")}-15`,
        (a + j) % 5 === 0 ? "" : "SMS:090-0000-1234", ...TOOLS.map((_, t) => level(t))].join(",") + "\n",
    );
  }
  out.end();
  await once(out, "finish");
}
