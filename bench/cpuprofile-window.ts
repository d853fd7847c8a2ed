// `npx tsx bench/cpuprofile-window.ts <file.cpuprofile> <seconds> <requests>`: the server CPU per request in
// the autocannon window of a bench/web-profile.ts profile, as decision 027 measured it by hand: the last
// <seconds> + 1 s of the profile minus its final second (startup, module loading and signing in left out),
// busy = every sample but "(idle)", divided by the requests autocannon completed in that window.
import { readProfile, windowSamples } from "./support/cpuprofile";

const [file, seconds, requests] = process.argv.slice(2);
if (!file || !seconds || !requests) throw new Error("usage: cpuprofile-window.ts <file.cpuprofile> <seconds> <requests>");
const { profile } = readProfile(file);
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
let busy = 0;
let all = 0;
for (const { id, ms } of windowSamples(profile, Number(seconds))) {
  all += ms;
  if (!idle.has(id)) busy += ms;
}
const n = Number(requests);
console.log(`window ${(all / 1000).toFixed(1)} s, busy ${busy.toFixed(0)} ms (${((100 * busy) / all).toFixed(0)} %), ${n} requests: ${(busy / n).toFixed(1)} ms CPU per request`);
