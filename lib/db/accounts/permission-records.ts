import "server-only";
import { AppError } from "@/lib/errors";
import type { SetPermissionsInput } from "@/lib/validation/permission-form";
import { recorderId, type Scope } from "../scope";
import { audit, writeAccountData } from "../write-context";

/**
 * Replaces a login's User Permissions with the matrix as submitted (None = no grant). Per-marketplace
 * levels only for the account's own marketplaces. Admin-level changes move TOO_MANY_ADMINS,
 * SINGLE_ADMIN, EXTERNAL_ADMIN and EXTERNAL_SENSITIVE_ACCESS, recomputed in the same transaction.
 */
export async function setLoginPermissions(scope: Scope, input: SetPermissionsInput): Promise<void> {
  await writeAccountData(scope, input.accountId, input.version, async (tx) => {
    const login = await tx.login.findFirst({ where: { id: input.loginId, accountId: input.accountId, orgId: scope.orgId }, select: { id: true } });
    if (!login) throw new AppError("NOT_FOUND", "Login not found");
    const { marketplaces } = await tx.sellerAccount.findUniqueOrThrow({ where: { id: input.accountId }, select: { marketplaces: true } });
    const outside = input.grants.find((g) => g.marketplace !== null && !marketplaces.includes(g.marketplace));
    if (outside) throw new AppError("INVALID_INPUT", "Not one of the account's marketplaces", { [`g.${outside.toolId}.${outside.marketplace}`]: "validation.choose" });
    const before = await tx.permissionGrant.findMany({ where: { orgId: scope.orgId, loginId: login.id }, select: { toolId: true, level: true, marketplace: true }, orderBy: [{ toolId: "asc" }, { marketplace: "asc" }] });
    await tx.permissionGrant.deleteMany({ where: { orgId: scope.orgId, loginId: login.id } });
    const now = new Date();
    if (input.grants.length)
      await tx.permissionGrant.createMany({
        data: input.grants.map((g) => ({ orgId: scope.orgId, loginId: login.id, toolId: g.toolId, level: g.level, marketplace: g.marketplace, source: "FORM" as const, verifiedById: recorderId(scope), verifiedAt: now })),
      });
    const after = [...input.grants].sort((a, b) => a.toolId.localeCompare(b.toolId) || (a.marketplace ?? "").localeCompare(b.marketplace ?? "")).map((g) => ({ toolId: g.toolId, level: g.level, marketplace: g.marketplace }));
    await audit(tx, scope, { action: "permissions.set", entityType: "Login", entityId: login.id, accountId: input.accountId, before, after });
    return { value: undefined };
  });
}
