import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db/client";

// What the page benches (web-profile.ts, page-weight.ts) do before measuring: an Owner to sign in as,
// signing in as a user would (in Chromium), and weighing a page as the server sends it.

/** An Owner of the first bench agency in a database bench:web kept, made afresh with a random password, for signing in. */
export async function benchWebOwner(databaseUrl: string | undefined, email: string, name: string) {
  if (!databaseUrl) throw new Error("set BENCH_WEB_DATABASE_URL to a database bench:web kept");
  const db = createDb(databaseUrl);
  const password = `p-${randomBytes(8).toString("hex")}`;
  const org = await db.organization.findFirstOrThrow({ where: { name: { startsWith: "Bench agency " } }, orderBy: { name: "asc" }, select: { id: true } });
  await db.user.deleteMany({ where: { email } });
  const user = await db.user.create({ data: { email, name, passwordHash: await hashPassword(password) } });
  await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
  return { db, org, user, password };
}

/** Signs a browser tab in through the sign-in form, as a user would. */
export async function signInTab(tab: import("@playwright/test").Page, email: string, password: string): Promise<void> {
  await tab.goto("/signin");
  await tab.locator("#email").fill(email);
  await tab.locator("#password").fill(password);
  await tab.locator('form:has(#password) button[type="submit"]').click();
  await tab.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 120_000 });
}

/** Signs in through the sign-in form and returns the session as a Cookie header. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ baseURL: base });
    await signInTab(await context.newPage(), email, password);
    return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** A page's HTML, the inline flight inside it (`self.__next_f.push`), and its RSC navigation payload, in characters. */
export async function pageWeight(base: string, path: string, headers: Record<string, string>) {
  const html = await (await fetch(base + path, { headers })).text();
  const flight = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + m[1].length, 0);
  const rsc = await (await fetch(base + path, { headers: { ...headers, RSC: "1" } })).text();
  return { html: html.length, flight, rsc: rsc.length };
}

/** `n` sequential GETs of one page, each read to its end; their wall times in ms. Any status but 200 throws. */
export async function timedGets(base: string, path: string, headers: Record<string, string>, n: number): Promise<number[]> {
  const walls: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers });
    await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    walls.push(performance.now() - t0);
  }
  return walls;
}

/** Waits until a just-started server answers `/signin` (up to two minutes). */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/signin`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (i > 240) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
