import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Removes an embedded database's data directory and, when its cluster was relocated (as root, out of the
 * postgres user's reach: decision 013), the root-owned directory recorded in its pg-location, which would
 * otherwise stay behind in /var/lib/gatehouse with its copy of the binaries (~130 MB a run).
 */
export async function removeEmbeddedDataDir(dir: string): Promise<void> {
  const location = join(dir, "pg-location");
  const relocated = existsSync(location) ? (await readFile(location, "utf8")).trim() : "";
  if (relocated) await rm(relocated, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
}
