// `npx tsx bench/cpuprofile-window.ts <file.cpuprofile> <seconds> <requests>`: the server CPU per request in
// the autocannon window of a bench/web-profile.ts profile, as decision 027 measured it by hand: the last
// <seconds> + 1 s of the profile minus its final second (startup, module loading and signing in left out),
// busy = every sample but "(idle)", divided by the requests autocannon completed in that window.
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string } }
const [file, seconds, requests] = process.argv.slice(2);
if (!file || !seconds || !requests) throw new Error("usage: cpuprofile-window.ts <file.cpuprofile> <seconds> <requests>");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number };
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
// Sample times (µs from the profile's start), walked back from the end.
let t = 0;
const times = profile.timeDeltas.map((d) => (t += d));
const end = times[times.length - 1];
const from = end - (Number(seconds) + 1) * 1e6;
const to = end - 1e6;
let busy = 0;
let all = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from || times[i] >= to) return;
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  all += ms;
  if (!idle.has(id)) busy += ms;
});
const n = Number(requests);
console.log(`window ${(all / 1000).toFixed(1)} s, busy ${busy.toFixed(0)} ms (${((100 * busy) / all).toFixed(0)} %), ${n} requests: ${(busy / n).toFixed(1)} ms CPU per request`);
