import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}tests/support/server-only-stub.ts` } },
  test: {
    // Also derives the password of the test databases' scoped-work role (integration-global-setup.ts).
    env: { AUTH_SECRET: "test-only-auth-secret-0123456789abcdefghij" },
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; through Vite it
    // resolves, so tests can load auth.ts itself (lib/auth/scope.int.test.ts reads its real config).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        // Generous timeout: the property tests and the password estimator are CPU-bound on a 2-core machine.
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.int.test.ts"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["tests/support/integration-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
