// `npx tsx bench/inline-flight-rows.ts <page.html>`: where a saved page's inline flight length goes (decision 057).
// Prints the escaped length (page-cpu's "inline flight B", the unit of decision 056's cliff) of the whole flight,
// of its 16 largest rows, and of the account page's login-editor parts and repeated dedupe references, so a change
// can be checked against the ≈ 65,530 escaped units past which a two-byte page's inlining costs ×3–5.
import { readFileSync } from "node:fs";
import { htmlEscapeJsonString } from "next/dist/shared/lib/htmlescape";
const page = readFileSync(process.argv[2], "utf8");
const f = [...page.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)].map((m) => JSON.parse(m[1]) as unknown[]).filter((p) => p[0] === 1 && typeof p[1] === "string").map((p) => p[1] as string).join("");
const esc = (s: string) => htmlEscapeJsonString(JSON.stringify(s)).length - 2;
console.log("total", htmlEscapeJsonString(JSON.stringify([1, f])).length);
const lines = f.split("\n");
for (const [n, l] of lines.map((l) => [esc(l) + 2, l.slice(0, 70)] as const).sort((a, b) => b[0] - a[0]).slice(0, 16)) console.log(n, l);
const l26 = lines.find((l) => l.includes('"aria-labelledby":"logins"')) ?? "";
const part = (a: string, b: string, l = l26) => { const i = l.indexOf(a); const j = l.indexOf(b, i + 1); return i < 0 || j < 0 ? -1 : esc(l.slice(i, j)); };
// -1: the part is not on this page (or no longer sent that way).
console.log("shared", part('"shared":{', '"login":{'));
console.log("addlogin", part('"testId":"add-login"', '"stack-table-frame'));
console.log("matrix", part('"matrix":{', '"login":{'), "tools", part('"tools":[', '"labels":{'));
console.log("methodFields", part('"methodFields"', '"messages":'), "editFields", part('"editFields"', '"methodFields"'), "words", part('"words":', '"matrix"'));
let rec = 0; for (const l of lines) { const i = l.indexOf('"login":{"id"'); if (i < 0) continue; rec += esc(l.slice(i, l.indexOf("}}]]}]", i))); } console.log("records", rec);
let refs = 0, n = 0; for (const m of f.matchAll(/"\$[0-9a-f]+:[^"]*"/g)) { refs += esc(m[0]); n++; } console.log("path refs", n, refs);
let txt = 0; for (const m of f.matchAll(/"text":"[^"]*",/g)) txt += esc(m[0]); console.log("method text", txt);
let tw = 0; for (const m of f.matchAll(/\["\$","td",null,\{[^{]*"data-testid":"login-two-step".*?\}\}\]/g)) tw += esc(m[0]); console.log("two-step cells", tw);
