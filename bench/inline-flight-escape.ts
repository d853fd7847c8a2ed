// `npx tsx bench/inline-flight-escape.ts <page.html> [runs]`: what Next's inlining of the flight costs for one page
// (decision 056). A page's HTML (bench/page-cpu.ts writes them with CPU_SAVE_DIR) carries its flight in
// `self.__next_f.push([1, "…"])` scripts; Next builds each from one read of the flight stream as
// htmlEscapeJsonString(JSON.stringify([1, text])) (app-page runtime, `V`). This times exactly that, for the page's
// whole flight and for growing prefixes of it, to show where the cost stops growing with the length and jumps: a
// two-byte (non-Latin-1) result longer than V8's largest regular heap object (≈ 64 Ki UTF-16 units) is made in
// large-object space, ≈ 1–2 ms a time instead of ≈ 0.1.
import { readFileSync } from "node:fs";
import { htmlEscapeJsonString } from "next/dist/shared/lib/htmlescape";

const [file, runsArg = "500"] = process.argv.slice(2);
if (!file) throw new Error("usage: inline-flight-escape.ts <page.html> [runs]");
const runs = Number(runsArg);

const page = readFileSync(file, "utf8");
const flight = [...page.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)]
  .map((m) => JSON.parse(m[1]) as unknown[])
  .filter((push) => push[0] === 1 && typeof push[1] === "string")
  .map((push) => push[1] as string)
  .join("");

/** ms per call of Next's step for `text`, read back from UTF-8 as the server does, after a warm-up. */
function msPerInline(text: string): number {
  const bytes = Buffer.from(text, "utf8");
  const once = () => Buffer.from(htmlEscapeJsonString(JSON.stringify([1, bytes.toString("utf-8")])));
  for (let i = 0; i < 100; i++) once();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) once();
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
}

const escapedLength = (text: string) => htmlEscapeJsonString(JSON.stringify([1, text])).length;
console.log(`${file}: inline flight ${flight.length} UTF-16 units, escaped script text ${escapedLength(flight)}`);
console.log("| flight prefix (units) | escaped length | ms per inline |");
console.log("|---|---|---|");
const step = 5000;
for (let n = step; n < flight.length; n += step) {
  const prefix = flight.slice(0, n);
  console.log(`| ${n} | ${escapedLength(prefix)} | ${msPerInline(prefix).toFixed(3)} |`);
}
console.log(`| ${flight.length} (all) | ${escapedLength(flight)} | ${msPerInline(flight).toFixed(3)} |`);
