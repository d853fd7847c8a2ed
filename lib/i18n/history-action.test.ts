import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interpolate } from "./format";
import { historyActionLabel } from "./enum-label";
import { messages, type MessageKey } from "./messages";

const tIn = (locale: "ja" | "en") => (key: MessageKey) => interpolate(messages[locale][key], {}, locale);

/** Every action lib/db writes to an account's history on one line (`audit(tx, scope, { action: "…", … accountId …`). */
function accountActionsInSource(dir = "lib/db"): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "generated") accountActionsInSource(path).forEach((a) => found.add(a));
    else if (entry.name.endsWith(".ts") && !entry.name.includes(".test.")) {
      for (const line of readFileSync(path, "utf8").split("\n")) {
        const m = /action: "([a-zA-Z]+\.[a-zA-Z_]+)"/.exec(line);
        if (m && line.includes("accountId")) found.add(m[1]);
      }
    }
  }
  return [...found];
}

describe("history actions in words", () => {
  const shown = [
    ...accountActionsInSource(),
    // Written on several lines or from a template (`${kind}.removed`): listed by hand.
    "login.removed", "partner.removed", "app.removed", "otherAccess.removed", "snapshot.imported", "snapshot.upserted", "finding.resolved",
    "finding.accepted", "finding.acceptance_expired", "access.reviewed", "triage.completed",
    // Written by migration 20261213010000 (decision 086).
    "device.labelMasked", "twoStepMethod.labelMasked",
  ];

  it("the source scan finds the account page's everyday actions", () => {
    expect(shown).toEqual(expect.arrayContaining(["account.created", "login.created", "twoStepMethod.added", "permissions.set"]));
  });

  it.each(shown)("%s has its own words in ja and en", (action) => {
    for (const locale of ["ja", "en"] as const) {
      const label = historyActionLabel(tIn(locale), action);
      expect(label).not.toBe(action);
      expect(label).not.toBe(messages[locale]["history.otherChange"]);
    }
  });

  it("reads the new-user pass's two as words, and an action without words as a change, never its key", () => {
    expect(historyActionLabel(tIn("ja"), "account.created")).toBe("アカウントを追加");
    expect(historyActionLabel(tIn("en"), "login.created")).toBe("Login added");
    expect(historyActionLabel(tIn("ja"), "someday.new_action")).toBe("記録を変更");
    expect(historyActionLabel(tIn("en"), "someday.new_action")).toBe("Record changed");
  });
});
