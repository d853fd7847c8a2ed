// `npx tsx bench/cpuprofile-window-top.ts <file.cpuprofile> <seconds> [n]`: where the CPU of a bench/web-profile.ts
// profile's autocannon window went (the last <seconds> + 1 s minus the final second, as cpuprofile-window.ts):
// self time by where the code lives (Next's runtime, React, Node's streams and sockets, pg, Prisma, the app,
// garbage collection), then the top functions by inclusive time, each counted once per sample. Idle left out.
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, seconds, n = "30"] = process.argv.slice(2);
if (!file || !seconds) throw new Error("usage: cpuprofile-window-top.ts <file.cpuprofile> <seconds> [n]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
let t = 0;
const times = profile.timeDeltas.map((d) => (t += d));
const end = times[times.length - 1];
const from = end - (Number(seconds) + 1) * 1e6;
const to = end - 1e6;

const short = (url: string) => url.replace(/^.*?(node_modules\/|\.next\/|node:)/, "$1");
const name = (node: Node) => `${node.callFrame.functionName || "(anonymous)"} ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
function bucket(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "(program: V8/native, unattributed)";
  if (!url) return `native: ${functionName}`;
  if (/app-page.*runtime/.test(url)) return "Next app-page runtime (React server + Fizz bundled)";
  if (/next\/dist\/compiled\/react/.test(url)) return "React (next/dist/compiled/react*)";
  if (/next\/dist/.test(url)) return "Next (other)";
  if (/node_modules\/pg/.test(url)) return "pg";
  if (/prisma|\/generated\//.test(url)) return "Prisma";
  if (/node_modules\/(jose|@auth|next-auth|@panva)/.test(url)) return "Auth.js / jose";
  if (/\.next\/server\/chunks/.test(url)) return "app server chunks (.next/server/chunks)";
  if (/\.next\//.test(url)) return "other .next";
  if (/^node:/.test(url)) return `node:${url.replace(/^node:(internal\/)?/, "").split("/")[0]}`;
  return short(url).split("/").slice(0, 2).join("/");
}
const self = new Map<string, number>();
const buckets = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
let all = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from || times[i] >= to) return;
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  all += ms;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === "(idle)") return;
  busy += ms;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
  buckets.set(bucket(leaf), (buckets.get(bucket(leaf)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
  }
});
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, v]) => `${((100 * v) / busy).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${key}`).join("\n");
console.log(`window ${(all / 1000).toFixed(1)} s, busy ${busy.toFixed(0)} ms (shares below are of busy time)\n-- self, by where the code lives --\n${top(buckets, 25)}\n-- self --\n${top(self, Number(n))}\n-- inclusive --\n${top(inclusive, Number(n))}`);
