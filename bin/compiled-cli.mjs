// The offline commands (audit, schema, help) run compiled: bundled once with esbuild into node_modules/.cache
// and imported as plain JavaScript, rather than transpiled file by file through tsx's loader thread on every
// run (~0.3–0.6 s of an audit; decision 030). The bundle is rebuilt when any file it was built from changed
// (size or modification time, from esbuild's own list of inputs). Any failure (no esbuild, a read-only
// node_modules) answers null and the caller falls back to tsx: compiling is a speed-up, never a requirement.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Imports `entry` (a path under `root`) compiled, building it first when needed; null when it cannot. */
export async function importCompiled(root, entry, cacheName) {
  const cacheDir = join(root, "node_modules", ".cache", "gatehouse-cli");
  const out = join(cacheDir, `${cacheName}.mjs`);
  const manifest = join(cacheDir, `${cacheName}.inputs.json`);
  if (!isFresh(root, manifest) && !(await build(root, entry, cacheName, out, manifest))) return null;
  try {
    return await import(`${pathToFileURL(out).href}?v=${statSync(out).mtimeMs}`);
  } catch {
    return null;
  }
}

function isFresh(root, manifest) {
  try {
    const { inputs, chunks = [] } = JSON.parse(readFileSync(manifest, "utf8"));
    // A chunk removed by hand would fail only when its import() runs, mid-command: build again instead.
    return inputs.length > 0 && chunks.every((name) => existsSync(join(dirname(manifest), name))) && inputs.every(([path, mtimeMs, size]) => {
      const stat = statSync(join(root, path));
      return stat.mtimeMs === mtimeMs && stat.size === size;
    });
  } catch {
    return false;
  }
}

async function build(root, entry, cacheName, out, manifest) {
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
      // Code reached only through import() goes into chunks of its own, loaded when that import runs: an
      // audit of a valid file then loads no zod (decision 030, stop 30). Chunk names carry a hash of their
      // content, so an entry only ever imports the chunks it was built with.
      splitting: true,
      outdir: dirname(out),
      entryNames: cacheName,
      chunkNames: `${cacheName}-chunk-[hash]`,
      outExtension: { ".js": ".mjs" },
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => {
      const stat = statSync(join(root, path));
      return [path, stat.mtimeMs, stat.size];
    });
    mkdirSync(dirname(out), { recursive: true });
    // Each file written under a temporary name and renamed, the chunks before the entry that imports them: a
    // run starting meanwhile sees the old entry (with its own chunks, still there) or the new one.
    const isEntry = (file) => basename(file.path) === basename(out);
    const chunks = result.outputFiles.filter((file) => !isEntry(file));
    for (const file of [...chunks, ...result.outputFiles.filter(isEntry)]) {
      const tmp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(tmp, file.contents);
      renameSync(tmp, file.path);
    }
    const chunkNames = chunks.map((file) => basename(file.path));
    removeStaleChunks(dirname(out), cacheName, new Set(chunkNames));
    // A source saved while esbuild read it may be newer than what was bundled: then no manifest, so the
    // next run builds again.
    if (inputs.every(([, mtimeMs]) => mtimeMs < started)) {
      writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ inputs, chunks: chunkNames }));
      renameSync(`${manifest}.${process.pid}.tmp`, manifest);
    }
    return true;
  } catch {
    return false;
  }
}

/** Chunks of earlier builds of `cacheName` more than a day old: no run still in progress imports them. */
function removeStaleChunks(dir, cacheName, current) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${cacheName}-chunk-`) || current.has(name)) continue;
    try {
      if (statSync(join(dir, name)).mtimeMs < dayAgo) rmSync(join(dir, name), { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
