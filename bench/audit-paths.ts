// `npx tsx --expose-gc --max-semi-space-size=64 bench/audit-paths.ts [rounds]` (decision 030, stop 29): the
// table's two ways from a checked snapshot, alternating in one process so that both see the same load:
// evaluateSnapshot then writeAuditTable (the whole result kept), and evaluateEachAccount with an
// AuditTableWriter (each account's findings dropped once its lines are written). Needs the file that
// `npm run bench:audit` generates.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { printable } from "@/lib/cli/audit";
import { AuditTableWriter, writeAuditTable } from "@/lib/cli/format";
import { evaluateEachAccount, evaluateSnapshot } from "@/lib/risk";
import { validSnapshotInPlace } from "@/lib/validation/snapshot-fast";

const file = ".gatehouse/bench-audit/snapshot-50000.json";
const AS_OF = "2026-12-04";
const rounds = Number(process.argv[2] ?? 3);
const snapshot = validSnapshotInPlace(JSON.parse(readFileSync(file).toString("utf8")));
if (!snapshot) throw new Error("the generated snapshot should pass the fast check");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let sink = 0;
const write = (text: string) => void (sink += printable(text, true).length);

const paths: Record<string, () => void> = {
  whole: () => writeAuditTable(evaluateSnapshot(snapshot, { asOf: AS_OF }), snapshot, write),
  "each account": () => {
    const table = new AuditTableWriter(snapshot);
    const day = evaluateEachAccount(snapshot, { asOf: AS_OF }, (account, position) => table.add(account, position));
    table.finish(day, write);
  },
};
const times: Record<string, number[]> = { whole: [], "each account": [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of round % 2 === 0 ? Object.entries(paths) : Object.entries(paths).reverse()) {
    gc();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    run();
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    times[name].push(wall);
    console.log(`${name}: ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (load ${loadavg()[0].toFixed(1)})`);
  }
}
console.log(`output characters per run: ${sink / rounds / 2}`);
