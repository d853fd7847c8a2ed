import { describe, expect, it } from "vitest";
import { evaluateEachAccount, evaluateSnapshot } from "../risk";
import { generateSnapshot } from "../risk/generate";
import { EvidenceNamer } from "../risk/humanise";
import type { EvaluationResult } from "../risk";
import { AuditTableWriter, toAuditTable, writeAuditTable } from "./format";

// toAuditTable was rewritten for speed (decision 030, stop 27); the bytes it prints are pinned here by
// their layout, and bench/audit-compare.sh compares whole reports of the old and new code.
describe("toAuditTable", () => {
  const snapshot = generateSnapshot(40, 7, { asOf: "2026-12-04" });
  const result = evaluateSnapshot(snapshot, { asOf: "2026-12-04" });

  it("aligns each account's findings under the header, with no trailing spaces, ending in one newline", () => {
    const text = toAuditTable(result, snapshot);
    const namer = new EvidenceNamer(snapshot);
    expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
    expect(text.split("\n").filter((line) => / $/.test(line))).toEqual([]);
    const withFindings = result.accounts.find((a) => a.findings.length > 1)!;
    const block = text.split("\n\n").find((b) => b.startsWith(`${withFindings.id}  `))!.split("\n");
    const header = block[1];
    expect(header).toMatch(/^ {2}SEVERITY +RULE +SUBJECT +EVIDENCE$/);
    const columns = ["RULE", "SUBJECT", "EVIDENCE"].map((name) => header.indexOf(name));
    withFindings.findings.forEach((f, i) => {
      const row = block[2 + i];
      expect(row.slice(columns[0]).startsWith(`${f.rule} `)).toBe(true);
      expect(row.slice(columns[1]).startsWith(`${f.subject.type} ${f.subject.id} `)).toBe(true);
      // The evidence in the app's words (decision 094).
      expect(row.slice(columns[2])).toBe(namer.evidence(f, snapshot.accounts.find((a) => a.id === withFindings.id)));
    });
  });

  it("names each account by its id even when the result lists them in another order", () => {
    const reversed: EvaluationResult = { ...result, accounts: [...result.accounts].reverse() };
    const text = toAuditTable(reversed, snapshot);
    for (const account of snapshot.accounts.slice(0, 5)) expect(text).toContain(`\n${account.id}  ${account.storeName} (${account.region})  score `);
  });

  it("writes a large report in pieces of whole accounts that make up the same text", () => {
    const large = generateSnapshot(2001, 3, { asOf: "2026-12-04" });
    const evaluated = evaluateSnapshot(large, { asOf: "2026-12-04" });
    const pieces: string[] = [];
    writeAuditTable(evaluated, large, (text) => void pieces.push(text));
    // The header (which needs every score), then accounts 0–999, 1000–1999 and 2000.
    expect(pieces.length).toBe(4);
    expect(pieces.every((p) => p.endsWith("\n"))).toBe(true);
    expect(pieces[0].split("\n")).toHaveLength(3);
    expect(pieces[2].startsWith(`\n${large.accounts[1000].id}  `)).toBe(true);
    const whole = pieces.join("");
    expect(whole.split("\n").filter((line) => / score \d+ {2}/.test(line))).toHaveLength(2001);
    expect(whole.endsWith("\n") && !whole.endsWith("\n\n")).toBe(true);
  });

  it("built an account at a time as the engine hands them over, is toAuditTable's text", () => {
    for (const count of [0, 1, 999, 1000, 2001]) {
      const large = generateSnapshot(count, 5, { asOf: "2026-12-04" });
      const table = new AuditTableWriter(large);
      const day = evaluateEachAccount(large, { asOf: "2026-12-04" }, (account, position) => table.add(account, position));
      const pieces: string[] = [];
      table.finish(day, (text) => void pieces.push(text));
      expect(pieces.every((p) => p.endsWith("\n"))).toBe(true);
      const text = pieces.join("");
      expect(text).toBe(toAuditTable(evaluateSnapshot(large, { asOf: "2026-12-04" }), large));
      expect(text.startsWith(`Gatehouse audit as of 2026-12-04: ${count} account(s), portfolio score `)).toBe(true);
    }
  });
});

