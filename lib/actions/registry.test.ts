import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIONS, exportsOf, serverActionFiles, WRAPPED } from "@/tests/support/server-actions";

describe("server actions registry", () => {
  const files = [...serverActionFiles("app"), ...serverActionFiles("lib")].sort();

  it("lists every file of server actions", () => {
    expect(files).toEqual(Object.keys(ACTIONS).sort());
  });

  it("lists every exported action, and each wrapped one really goes through defineAction", () => {
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(exportsOf(source), file).toEqual(Object.keys(ACTIONS[file] ?? {}).sort());
      for (const [name, policy] of Object.entries(ACTIONS[file] ?? {})) {
        if (policy === WRAPPED) expect(source, `${file} ${name}`).toMatch(new RegExp(`export const ${name} = defineAction\\(`));
      }
    }
  });
});
