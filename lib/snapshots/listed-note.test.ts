import { describe, expect, it } from "vitest";
import { messages } from "../i18n/messages";
import { listedNote } from "./listed-note";

const labels = (lang: "ja" | "en") => ({
  note: messages[lang]["bulk.listedNote"],
  noteAll: messages[lang]["bulk.listedNoteAll"],
  parts: { logins: messages[lang]["bulk.part.logins"], partners: messages[lang]["bulk.part.partners"], apps: messages[lang]["bulk.part.apps"], otherAccess: messages[lang]["bulk.part.otherAccess"] },
});

describe("the preview's note on what a spreadsheet lists", () => {
  it("names as kept only the parts the file has no sheet for (logins listed are not kept)", () => {
    expect(listedNote(["logins"], labels("ja"), "ja")).toBe("このファイルが示すのは、各アカウントの ログイン です。シートのないもの（パートナー、アプリ、その他のアクセス）は、今の記録のまま残します。");
    expect(listedNote(["logins", "apps"], labels("en"), "en")).toBe("This file gives each account's logins, apps. What it has no sheet for (partners, other access) stays as recorded.");
  });

  it("keeps nothing when every part is listed", () => {
    expect(listedNote(["otherAccess", "logins", "apps", "partners"], labels("en"), "en")).toBe("This file gives each account's logins, partners, apps, other access.");
  });
});
