import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium when present (this network cannot download Playwright's browser); otherwise
// Playwright's own, for machines that can run `npx playwright install chromium`.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // A stray test.only would run one test and report green: refused under CI, as Vitest refuses it there.
  forbidOnly: !!process.env.CI,
  workers: 1, // Chromium peaks at ~1 GB; the machines have 2 cores
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            }
          : {},
      },
    },
  ],
  webServer: {
    // The same launcher users run; E2E_DATABASE_URL is a throwaway database made by scripts/test-all.ts.
    command: "npm start",
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      GATEHOUSE_DATA_DIR: ".gatehouse/e2e",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      NODE_OPTIONS: "", // the test process runs with the react-server condition; the app must not
      // One trusted proxy for e2e/sign-in-limits.spec.ts; the browser (127.0.0.1) stays an ordinary client.
      GATEHOUSE_TRUSTED_PROXIES: "127.0.0.7",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
