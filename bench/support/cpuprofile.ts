// A V8 CPU profile (`node --cpu-prof`) read for the bench's profile tools: cpuprofile-top.ts (the whole
// profile), cpuprofile-window.ts and cpuprofile-window-top.ts (a bench/web-profile.ts autocannon window).
import { readFileSync } from "node:fs";

export interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
export interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export function readProfile(file: string): { profile: Profile; byId: Map<number, ProfileNode>; parent: Map<number, number> } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  return { profile, byId, parent };
}

export const shortUrl = (url: string) => url.replace(/^.*?(node_modules\/|\.next\/|node:)/, "$1");
export const frameName = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

/** The samples of a web-profile run's autocannon window (the last `seconds` + 1 s minus the final second), each with its ms. */
export function windowSamples(profile: Profile, seconds: number): { id: number; ms: number }[] {
  let t = 0;
  const times = profile.timeDeltas.map((d) => (t += d));
  const end = times[times.length - 1];
  const from = end - (seconds + 1) * 1e6;
  const to = end - 1e6;
  const out: { id: number; ms: number }[] = [];
  profile.samples.forEach((id, i) => {
    if (times[i] >= from && times[i] < to) out.push({ id, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 });
  });
  return out;
}

/** Adds `ms` to every distinct function on the sample's stack: inclusive time, once per sample however deep it recurses. */
export function addInclusive(inclusive: Map<string, number>, id: number, ms: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): void {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = frameName(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
  }
}

/** The `k` largest entries as lines: share of `total`, milliseconds, name. */
export const topLines = (m: Map<string, number>, k: number, total: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${key}`).join("\n");
