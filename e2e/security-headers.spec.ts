import { expect, test } from "@playwright/test";

// Every response carries the security headers; pages get a fresh CSP nonce and no inline-script escape hatch.
test("pages, API routes and static files carry the security headers", async ({ request, page }) => {
  for (const path of ["/signin", "/api/health", "/accounts"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d+/); // the tests run a production build
    const csp = headers["content-security-policy"];
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }

  const a = (await request.get("/signin")).headers()["content-security-policy"];
  const b = (await request.get("/signin")).headers()["content-security-policy"];
  expect(a).not.toBe(b); // a new nonce per request

  // A static chunk: the page's own script URL.
  await page.goto("/signin");
  const src = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  const asset = await request.get(src!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the page's scripts carry the nonce and the app still works under the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/signin");
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"])![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // Hydrated: the client-side language switch and form work.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});
