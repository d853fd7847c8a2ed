import { mkdtempSync, writeFileSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// The plain-ESM loader bin/gatehouse.mjs uses to run the offline commands compiled (decision 030).
// @ts-expect-error -- a .mjs file without types, tested as the bin imports it
import { importCompiled } from "../../bin/compiled-cli.mjs";

type Loaded = { value(): number } | null;
const load = (root: string): Promise<Loaded> => importCompiled(root, "entry.ts", "test-entry");

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "gatehouse-compiled-"));
  writeFileSync(join(root, "entry.ts"), 'import { part } from "./part";\nexport const value = (): number => part * 1;\n');
  writeFileSync(join(root, "part.ts"), "export const part: number = 1;\n");
  return root;
}

describe("bin/compiled-cli.mjs", () => {
  it("bundles the entry with what it imports, once, into the cache", async () => {
    const root = project();
    expect((await load(root))?.value()).toBe(1);
    expect(existsSync(join(root, "node_modules/.cache/gatehouse-cli/test-entry.mjs"))).toBe(true);
    expect(existsSync(join(root, "node_modules/.cache/gatehouse-cli/test-entry.inputs.json"))).toBe(true);
  });

  it("rebuilds when a file the bundle was made from changes, not only the entry", async () => {
    const root = project();
    expect((await load(root))?.value()).toBe(1);
    writeFileSync(join(root, "part.ts"), "export const part: number = 42;\n");
    // A later modification time, as an editor's save would give, even within the same clock tick.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, "part.ts"), later, later);
    expect((await load(root))?.value()).toBe(42);
  });

  it("puts code reached only through import() in a chunk of its own, loaded when that import runs", async () => {
    const root = project();
    writeFileSync(join(root, "entry.ts"), 'import { part } from "./part";\nexport const value = (): number => part;\nexport const later = async (): Promise<number> => (await import("./lazy")).lazy + part;\n');
    writeFileSync(join(root, "lazy.ts"), "(globalThis as { lazyLoaded?: boolean }).lazyLoaded = true;\nexport const lazy: number = 10;\n");
    const loaded = (await importCompiled(root, "entry.ts", "split-entry")) as { value(): number; later(): Promise<number> } | null;
    const flag = globalThis as { lazyLoaded?: boolean };
    expect(loaded?.value()).toBe(1);
    expect(flag.lazyLoaded).toBeUndefined();
    expect(await loaded?.later()).toBe(11);
    expect(flag.lazyLoaded).toBe(true);
    const dir = join(root, "node_modules/.cache/gatehouse-cli");
    const chunks = readdirSync(dir).filter((name) => name.startsWith("split-entry-chunk-"));
    expect(chunks.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, "split-entry.mjs"), "utf8")).not.toContain("lazyLoaded");
    delete flag.lazyLoaded;
    // A chunk gone (removed by hand) means a rebuild, not a failure when its import() runs.
    for (const name of chunks) rmSync(join(dir, name));
    const rebuilt = (await importCompiled(root, "entry.ts", "split-entry")) as { later(): Promise<number> } | null;
    expect(await rebuilt?.later()).toBe(11);
    for (const name of chunks) expect(existsSync(join(dir, name))).toBe(true);
    delete flag.lazyLoaded;
  });

  it("answers null (the caller falls back to tsx) when the entry cannot be built", async () => {
    const root = project();
    writeFileSync(join(root, "entry.ts"), "export const value = ( => ;\n");
    expect(await load(root)).toBeNull();
  });
});
