import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// PersonAccess (person-access.ts) is stored, so every write to what it counts must refresh it in the
// same transaction: through writeAccountData (which refreshes the people on the account before and
// after the change) or by calling refreshPersonAccess itself. This finds every file of lib/db that
// writes people, logins, their users, grants, other access or devices, and checks it does one or the other.
const TABLES = ["person", "login", "loginUser", "permissionGrant", "otherAccess", "device"];
const SQL_TABLES = ["Person", "Login", "LoginUser", "PermissionGrant", "OtherAccess", "Device"];
const prismaWrite = new RegExp(`\\.(?:${TABLES.join("|")})\\.(?:create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\\(`);
const sqlWrite = new RegExp(`(?:INSERT INTO|UPDATE|DELETE FROM)\\s+"(?:${SQL_TABLES.join("|")})"|insertRows\\(\\w+, "(?:${SQL_TABLES.join("|")})"`);

describe("every write to what PersonAccess counts refreshes it", () => {
  const dir = join(process.cwd(), "lib/db");
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("generated"));
  // A capability folder (lib/db/snapshots/) may write in one file and refresh in its entry point.
  const folderRefreshes = (file: string) =>
    dirname(file) !== "." && files.some((f) => dirname(f) === dirname(file) && readFileSync(join(dir, f), "utf8").includes("refreshPersonAccess("));
  const writers = files.filter((f) => {
    const source = readFileSync(join(dir, f), "utf8");
    return prismaWrite.test(source) || sqlWrite.test(source);
  });

  it("finds the writers it guards", () => {
    expect(writers).toEqual(expect.arrayContaining(["accounts/account-writes.ts", "bulk-load.ts", "offboarding/offboarding-tasks.ts", "snapshot-import.ts", "snapshots/apply.ts", "offboarding/handover.ts", "offboarding/undo.ts"]));
  });

  it("each writes through writeAccountData or calls refreshPersonAccess", () => {
    const offenders = writers.filter((f) => {
      const source = readFileSync(join(dir, f), "utf8");
      return !/writeAccountData(?:<[^(]*>)?\(/.test(source) && !source.includes("refreshPersonAccess(") && !folderRefreshes(f);
    });
    expect(offenders).toEqual([]);
  });
});
