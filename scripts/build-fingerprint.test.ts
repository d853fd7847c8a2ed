import { mkdtempSync, mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFingerprint } from "./build-fingerprint";

describe("buildFingerprint", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "fingerprint-"));
    mkdirSync(join(root, "app"));
    writeFileSync(join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stays the same when a file is rewritten with the same content (npm install touching the lock file)", async () => {
    const before = await buildFingerprint(root);
    writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    utimesSync(join(root, "package-lock.json"), new Date(), new Date(Date.now() + 60_000));
    expect(await buildFingerprint(root)).toBe(before);
  });

  it("changes when a source's content changes, even at the same size and time", async () => {
    const page = join(root, "app", "page.tsx");
    const before = await buildFingerprint(root);
    const time = new Date("2026-01-01T00:00:00Z");
    utimesSync(page, time, time);
    const sameTime = await buildFingerprint(root);
    writeFileSync(page, "export default function Page() { return nill; }\n");
    utimesSync(page, time, time);
    expect(await buildFingerprint(root)).not.toBe(sameTime);
    expect(sameTime).toBe(before);
  });

  it("changes when a source is added or renamed, and ignores node_modules and .next", async () => {
    const before = await buildFingerprint(root);
    mkdirSync(join(root, "app", "node_modules"));
    writeFileSync(join(root, "app", "node_modules", "x.js"), "1");
    // Inside a source folder, where the walk would otherwise read them.
    mkdirSync(join(root, "app", ".next"));
    writeFileSync(join(root, "app", ".next", "BUILD_ID"), "x");
    expect(await buildFingerprint(root)).toBe(before);
    renameSync(join(root, "app", "page.tsx"), join(root, "app", "other.tsx"));
    const renamed = await buildFingerprint(root);
    expect(renamed).not.toBe(before);
    writeFileSync(join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
    expect(await buildFingerprint(root)).not.toBe(renamed);
  });
});
