// The offline commands (audit, schema, help) run compiled: bundled once with esbuild into node_modules/.cache
// and imported as plain JavaScript, rather than transpiled file by file through tsx's loader thread on every
// run (~0.3–0.6 s of an audit; decision 030). The bundle is rebuilt when any file it was built from changed
// (size or modification time, from esbuild's own list of inputs). Any failure (no esbuild, a read-only
// node_modules) answers null and the caller falls back to tsx: compiling is a speed-up, never a requirement.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Imports `entry` (a path under `root`) compiled, building it first when needed; null when it cannot. */
export async function importCompiled(root, entry, cacheName) {
  const cacheDir = join(root, "node_modules", ".cache", "gatehouse-cli");
  const out = join(cacheDir, `${cacheName}.mjs`);
  const manifest = join(cacheDir, `${cacheName}.inputs.json`);
  if (!isFresh(root, manifest) && !(await build(root, entry, out, manifest))) return null;
  try {
    return await import(`${pathToFileURL(out).href}?v=${statSync(out).mtimeMs}`);
  } catch {
    return null;
  }
}

function isFresh(root, manifest) {
  try {
    const { inputs } = JSON.parse(readFileSync(manifest, "utf8"));
    return inputs.length > 0 && inputs.every(([path, mtimeMs, size]) => {
      const stat = statSync(join(root, path));
      return stat.mtimeMs === mtimeMs && stat.size === size;
    });
  } catch {
    return false;
  }
}

async function build(root, entry, out, manifest) {
  try {
    // esbuild is tsx's own dependency (tsx is this package's): resolved from there, not declared twice.
    const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild");
    const started = Date.now();
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => {
      const stat = statSync(join(root, path));
      return [path, stat.mtimeMs, stat.size];
    });
    mkdirSync(dirname(out), { recursive: true });
    // Written under a temporary name and renamed: a run starting meanwhile sees the old file or the new one.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputFiles[0].contents);
    renameSync(tmp, out);
    // A source saved while esbuild read it may be newer than what was bundled: then no manifest, so the
    // next run builds again.
    if (inputs.every(([, mtimeMs]) => mtimeMs < started)) {
      writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ inputs }));
      renameSync(`${manifest}.${process.pid}.tmp`, manifest);
    }
    return true;
  } catch {
    return false;
  }
}
