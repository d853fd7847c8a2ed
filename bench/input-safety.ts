// `npm run bench:input`: what the snapshot input checks cost on a document near the 5 MB limit
// (lib/validation/json-safety.ts): JSON.parse, the depth and prototype-key check, the whole parse
// (check + zod), a document with an "x-" key (copied without it), and 10,000 levels of nesting.
import { generateSnapshot } from "@/lib/risk/generate";
import { sanitiseJson } from "@/lib/validation/json-safety";
import { parseSnapshot } from "@/lib/validation/snapshot";

let accounts = 10;
let text = "";
for (;;) {
  text = JSON.stringify(generateSnapshot(accounts, 7));
  if (text.length > 4.8 * 1024 * 1024) break;
  accounts = Math.ceil(accounts * 1.3);
}
const json = JSON.parse(text);
const dropX = (key: string) => key.startsWith("x-");

/** Median of 7 runs, in ms. */
function median(run: () => unknown): string {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3].toFixed(0);
}

console.log(`document: ${accounts} accounts, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`);
console.log(`JSON.parse: ${median(() => JSON.parse(text))} ms`);
console.log(`depth and prototype-key check: ${median(() => sanitiseJson(json, { dropKey: dropX }))} ms`);
console.log(`parseSnapshot (check + schema): ${median(() => parseSnapshot(json))} ms`);
const withNote = { ...json, "x-note": "exported by a tool" };
console.log(`parseSnapshot with an "x-" key (copied without it): ${median(() => parseSnapshot(withNote))} ms`);
const deep = JSON.parse(`${"[".repeat(10_000)}${"]".repeat(10_000)}`);
console.log(`check of 10,000 levels of nesting: ${median(() => sanitiseJson(deep))} ms (refused past level 32)`);
