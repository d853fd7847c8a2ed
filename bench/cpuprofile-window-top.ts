// `npx tsx bench/cpuprofile-window-top.ts <file.cpuprofile> <seconds> [n]`: where the CPU of a bench/web-profile.ts
// profile's autocannon window went (the last <seconds> + 1 s minus the final second, as cpuprofile-window.ts):
// self time by where the code lives (Next's runtime, React, Node's streams and sockets, pg, Prisma, the app,
// garbage collection), then the top functions by inclusive time, each counted once per sample. Idle left out.
import { addInclusive, frameName, readProfile, shortUrl, topLines, windowSamples, type ProfileNode } from "./support/cpuprofile";

const [file, seconds, n = "30"] = process.argv.slice(2);
if (!file || !seconds) throw new Error("usage: cpuprofile-window-top.ts <file.cpuprofile> <seconds> [n]");
const { profile, byId, parent } = readProfile(file);

function bucket(node: ProfileNode): string {
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
  return shortUrl(url).split("/").slice(0, 2).join("/");
}
const self = new Map<string, number>();
const buckets = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
let all = 0;
for (const { id, ms } of windowSamples(profile, Number(seconds))) {
  all += ms;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === "(idle)") continue;
  busy += ms;
  self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + ms);
  buckets.set(bucket(leaf), (buckets.get(bucket(leaf)) ?? 0) + ms);
  addInclusive(inclusive, id, ms, byId, parent);
}
const top = (m: Map<string, number>, k: number) => topLines(m, k, busy);
console.log(`window ${(all / 1000).toFixed(1)} s, busy ${busy.toFixed(0)} ms (shares below are of busy time)\n-- self, by where the code lives --\n${top(buckets, 25)}\n-- self --\n${top(self, Number(n))}\n-- inclusive --\n${top(inclusive, Number(n))}`);
