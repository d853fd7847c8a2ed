// `npm run test:floors`: records the test counts of the last `npm test` (test-results/last-run.json) as
// the floors in tests/floors.json, for each layer that ran with no failure. Run it after adding tests
// and commit tests/floors.json with them; a layer that later runs fewer tests fails `npm test` and CI.
import { readFileSync, writeFileSync } from "node:fs";
import { parseFloors, measuredFloors, type Layer, type Tally } from "./test-report";

const current = parseFloors(JSON.parse(readFileSync("tests/floors.json", "utf8")));
let last: Partial<Record<Layer, Tally>>;
try {
  last = JSON.parse(readFileSync("test-results/last-run.json", "utf8"));
} catch {
  console.error("No test-results/last-run.json: run `npm test` (or `npm test -- unit`, …) first.");
  process.exit(2);
}
const next = measuredFloors(current, last);
writeFileSync("tests/floors.json", `${JSON.stringify(next, null, 2)}\n`);
for (const layer of Object.keys(next) as Layer[]) {
  console.log(`${layer}: ${current[layer]}${next[layer] === current[layer] ? " (unchanged)" : ` → ${next[layer]}`}`);
}
