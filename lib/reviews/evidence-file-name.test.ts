import { describe, expect, it } from "vitest";
import { attachment, evidenceFileName } from "./evidence-file-name";

const at = new Date("2026-12-07T09:00:00Z");

describe("evidence pack file names (decision 090)", () => {
  it("names the campaign, the client when filtered, the day and the language", () => {
    expect(evidenceFileName({ campaignName: "Kumo 2026 Q4", generatedAt: at, locale: "ja", extension: "csv" }).name).toBe("Kumo 2026 Q4-2026-12-07-ja.csv");
    expect(evidenceFileName({ campaignName: "四半期レビュー", clientName: "さくら茶", generatedAt: at, locale: "en", extension: "pdf" })).toEqual({
      name: "四半期レビュー-さくら茶-2026-12-07-en.pdf",
      ascii: "_-_-2026-12-07-en.pdf",
    });
  });
  it("keeps what a file system refuses out of the name", () => {
    const { name, ascii } = evidenceFileName({ campaignName: '../Q4: a/b\\c*?"<>|\u0000x', generatedAt: at, locale: "ja", extension: "xlsx" });
    expect(name).toBe("_Q4_ a_b_c_x-2026-12-07-ja.xlsx");
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(name).not.toContain("\u0000");
    expect(ascii).toMatch(/^[\w.-]+$/);
    expect(attachment({ name, ascii })).toContain("filename*=UTF-8''");
  });
});
