import { describe, expect, it } from "vitest";
import { personNameKey, sameNameConfirmed, sameNamedList } from "./same-name";

describe("same-named people", () => {
  it("compares names NFKC-normalised, case-folded, with spaces dropped", () => {
    expect(personNameKey("山田 一郎")).toBe(personNameKey("山田　一郎"));
    expect(personNameKey("  山田  一郎 ")).toBe(personNameKey("山田 一郎"));
    expect(personNameKey("Ｔａｒｏ Ｓａｔｏ")).toBe(personNameKey("taro sato"));
    expect(personNameKey("ｶﾀｶﾅ")).toBe(personNameKey("カタカナ"));
    // With or without the space between family and given name, the same name; a different character is not.
    expect(personNameKey("山田一郎")).toBe(personNameKey("山田 一郎"));
    expect(personNameKey("山田 一朗")).not.toBe(personNameKey("山田 一郎"));
  });

  it("counts a confirmation only for the name it was asked about", () => {
    const ticked = (asked: string | null) => ({ confirmSameName: true, sameNameAsked: asked });
    expect(sameNameConfirmed("山田 一郎", ticked("山田　一郎"))).toBe(true);
    expect(sameNameConfirmed("Yamada Ichiro", ticked("YAMADA  ichiro"))).toBe(true);
    // Ticked for 山田, then the name edited to another: the tick says nothing about 佐藤.
    expect(sameNameConfirmed("佐藤 花子", ticked("山田 一郎"))).toBe(false);
    expect(sameNameConfirmed("山田 一郎", ticked(null))).toBe(false);
    expect(sameNameConfirmed("山田 一郎", { confirmSameName: false, sameNameAsked: "山田 一郎" })).toBe(false);
  });

  it("lists each existing person with what tells them apart", () => {
    expect(sameNamedList([
      { id: "a", name: "山田 一郎", company: null, email: null, createdOn: "2026-12-01" },
      { id: "b", name: "山田　一郎", company: "Shop KK", email: "ichiro@shop.example", createdOn: "2026-12-02" },
    ])).toBe("山田 一郎 (2026-12-01); 山田　一郎 (Shop KK, ichiro@shop.example, 2026-12-02)");
  });
});
