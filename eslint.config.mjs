import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".gatehouse/", "lib/db/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only lib/db talks to the database: pages, actions and components go through it.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["lib/db/**", "tests/**", "scripts/**", "bench/**", "**/*.int.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/generated/**", "@prisma/client", "@prisma/client/*", "@prisma/adapter-pg"], message: "Only lib/db/ may use Prisma." },
            { group: ["pg"], message: "Only lib/db/ may talk to PostgreSQL." },
          ],
        },
      ],
    },
  },
  {
    // The risk engine is pure: no framework, no database, no clock.
    files: ["lib/risk/**", "lib/validation/**", "lib/dates.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "react", "@/lib/db/*", "**/db/**"], message: "lib/risk is pure TypeScript." }] }],
    },
  },
);
