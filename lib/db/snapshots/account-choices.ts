import "server-only";
import { accountScopeWhere, type Scope } from "../scope";
import { dbFor } from "../tenant";

/** The accounts the caller may see, by store name, for a chooser (the import page's Seller Central paste). */
export async function accountChoices(scope: Scope, limit = 2_000): Promise<{ id: string; storeName: string; sellerId: string | null }[]> {
  return dbFor(scope).sellerAccount.findMany({ where: accountScopeWhere(scope), select: { id: true, storeName: true, sellerId: true }, orderBy: [{ storeName: "asc" }, { id: "asc" }], take: limit });
}
