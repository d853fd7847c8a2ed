import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

const SOURCES = ["app", "lib", "components", "auth.ts", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

/**
 * Paths and contents of everything the build reads: a changed source means a rebuild. Contents, not modification
 * times: `npm install` rewrites an unchanged package-lock.json, and the README's `npm install && npm start` then
 * rebuilt the app on every start — under an instance already serving from the same .next (decision 071).
 */
export async function buildFingerprint(root = process.cwd()): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(join(root, path));
    } catch {
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(join(root, path))).filter((e) => !SKIP.has(e)).sort();
      for (const entry of entries) await walk(join(path, entry));
    } else {
      const content = createHash("sha256").update(await readFile(join(root, path))).digest("hex");
      hash.update(`${path}\0${content}\n`);
    }
  };
  for (const source of SOURCES) await walk(source);
  return hash.digest("hex");
}
