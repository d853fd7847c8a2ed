// CPU time (utime + stime, from /proc) that a server's process tree and its PostgreSQL backends spend over a
// measurement window (issue 15, decision 036). Unlike wall-clock latency, a process waiting for a core does
// not accrue it, so it moves far less with the other load on a shared machine. Linux only; figures, not a test.
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux (getconf CLK_TCK)

interface Stat {
  ppid: number;
  /** utime + stime of the process itself (all its threads), ms. */
  cpuMs: number;
  /** Start time in ticks since boot: with the pid, names one process even if the pid is reused. */
  start: string;
}

function readStat(pid: number): Stat | null {
  try {
    // The command name (field 2) may hold spaces and parentheses: the fields after the last ") " are fixed.
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(") ") + 2).split(" ");
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS, start: f[19] };
  } catch {
    return null; // exited
  }
}

/** CPU milliseconds one process has used (all its threads); 0 once it has exited. */
export const cpuMs = (pid: number): number => readStat(pid)?.cpuMs ?? 0;

/** Direct children of a process, from every one of its threads (the thread that forks owns the child). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(" ")) if (c) out.push(Number(c));
    } catch {
      /* thread gone */
    }
  }
  return out;
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const seen = new Set<number>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    queue.push(...childrenOf(pid));
  }
  return [...seen];
}

/**
 * The postmaster's backends serving `database` (their process title is "postgres: … <user> <database> <client> <state>"):
 * the app's pooled connections, and any other client of that database (idle ones accrue nothing).
 */
export function backendsOf(postmaster: number, database: string): number[] {
  return childrenOf(postmaster).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").split(" ").includes(database);
    } catch {
      return false;
    }
  });
}

/** The postmaster's pid, from one backend's pid (SELECT pg_backend_pid()); null when PostgreSQL is not on this machine. */
export function postmasterOf(backendPid: number): number | null {
  return readStat(backendPid)?.ppid ?? null;
}

export interface CpuWindow {
  /** ms of the server's process tree */
  app: number;
  /** ms of the database's backends; NaN when they are not visible in /proc */
  db: number;
}

/**
 * Samples the groups every `everyMs` while a window is open. A process seen at the first sample counts from
 * its CPU then; one that appears later counts from zero (it started inside the window); one that exits keeps
 * what it had at its last sample (a backend that ends between samples loses at most `everyMs` of CPU).
 */
export class CpuMeter {
  private seen = new Map<string, { group: keyof CpuWindow; first: number; last: number }>();
  private timer: NodeJS.Timeout | undefined;
  private firstSample = true;

  constructor(private readonly groups: { app: () => number[]; db: (() => number[]) | null }, private readonly everyMs = 250) {}

  private sample(): void {
    for (const group of ["app", "db"] as const) {
      const list = this.groups[group];
      if (!list) continue;
      for (const pid of list()) {
        const s = readStat(pid);
        if (!s) continue;
        const key = `${pid}:${s.start}`;
        const known = this.seen.get(key);
        if (known) known.last = s.cpuMs;
        else this.seen.set(key, { group, first: this.firstSample ? s.cpuMs : 0, last: s.cpuMs });
      }
    }
    this.firstSample = false;
  }

  start(): void {
    this.seen.clear();
    this.firstSample = true;
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  stop(): CpuWindow {
    clearInterval(this.timer);
    this.sample();
    const total: CpuWindow = { app: 0, db: this.groups.db ? 0 : NaN };
    for (const p of this.seen.values()) total[p.group] += p.last - p.first;
    return total;
  }

  /** CPU of `run()`'s window, whatever it returns. */
  async around<T>(run: () => Promise<T>): Promise<{ result: T; cpu: CpuWindow }> {
    this.start();
    try {
      const result = await run();
      return { result, cpu: this.stop() };
    } catch (error) {
      clearInterval(this.timer);
      throw error;
    }
  }
}
