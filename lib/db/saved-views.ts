import "server-only";
import { AppError } from "@/lib/errors";
import type { CreateSavedViewInput } from "@/lib/validation/accounts";
import type { Scope } from "./scope";
import { dbFor, scopedRows } from "./tenant";
import { sameTextAnyCase } from "./same-text";

// A saved view belongs to one user in one organisation: both are in every where, so nobody else's
// view can be read or deleted by id.

export interface SavedViewRow {
  id: string;
  name: string;
  query: string;
}

export const MAX_SAVED_VIEWS = 50;

export async function listSavedViews(scope: Scope): Promise<SavedViewRow[]> {
  // Read on every accounts table view: raw, without Prisma's per-call work (decision 059).
  return scopedRows<SavedViewRow>(
    scope,
    `SELECT id, name, query FROM "SavedView" WHERE "orgId" = $1 AND "userId" = $2 ORDER BY name ASC, id ASC LIMIT ${MAX_SAVED_VIEWS}`,
    [scope.orgId, scope.userId],
  );
}

export async function createSavedView(scope: Scope, input: CreateSavedViewInput): Promise<SavedViewRow> {
  const db = dbFor(scope);
  const count = await db.savedView.count({ where: { orgId: scope.orgId, userId: scope.userId } });
  if (count >= MAX_SAVED_VIEWS) throw new AppError("CONFLICT", `At most ${MAX_SAVED_VIEWS} saved views`);
  // Two views of one name could not be told apart in the list; the name is refused, not overwritten, so no view is lost.
  const taken = await db.savedView.findFirst({ where: { orgId: scope.orgId, userId: scope.userId, name: sameTextAnyCase(input.name) }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "A saved view has this name", { name: "validation.viewNameTaken" });
  return db.savedView.create({
    data: { orgId: scope.orgId, userId: scope.userId, name: input.name, query: input.query },
    select: { id: true, name: true, query: true },
  });
}

export async function deleteSavedView(scope: Scope, id: string): Promise<void> {
  const { count } = await dbFor(scope).savedView.deleteMany({ where: { id, orgId: scope.orgId, userId: scope.userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Saved view not found");
}
