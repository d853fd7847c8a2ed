// `npx tsx bench/date-format-cpu.ts`: the CPU of one `formatDateTime` (every LocalTime: history, jobs, tokens,
// outbox, security), beside building one Intl.DateTimeFormat, in one process. Figures, not a test (stop 36).
import { formatDateTime } from "@/lib/dates-format";

const iso = new Date().toISOString();
const N = Number(process.env.DATE_FORMAT_CALLS ?? 2000);
const perCall = (run: (i: number) => unknown) => {
  for (let i = 0; i < 200; i++) run(i);
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) run(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / N;
};
const format = perCall((i) => formatDateTime(iso, { locale: i % 2 ? "ja" : "en", timeZone: i % 3 ? "Asia/Tokyo" : "UTC" }));
const build = perCall((i) => new Intl.DateTimeFormat(i % 2 ? "ja" : "en", { timeZone: i % 3 ? "Asia/Tokyo" : "UTC", timeZoneName: "short" }));
console.log(`formatDateTime ${format.toFixed(1)} µs per call; new Intl.DateTimeFormat ${build.toFixed(1)} µs; ratio ${(format / build).toFixed(2)}`);
