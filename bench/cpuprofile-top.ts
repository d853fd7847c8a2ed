// `npx tsx bench/cpuprofile-top.ts <file.cpuprofile> [n]`: a V8 CPU profile's top frames by self time and by
// inclusive time (each function counted once per sample however deep it recurses), for decision 027.
import { addInclusive, frameName, readProfile, topLines } from "./support/cpuprofile";

const [file, n = "25"] = process.argv.slice(2);
const { profile, byId, parent } = readProfile(file);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  total += ms;
  const leaf = byId.get(id)!;
  self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + ms);
  addInclusive(inclusive, id, ms, byId, parent);
});
const top = (m: Map<string, number>) => topLines(m, Number(n), total);
console.log(`total ${total.toFixed(0)} ms sampled\n-- self --\n${top(self)}\n-- inclusive --\n${top(inclusive)}`);
