import "server-only";
import { AppError } from "@/lib/errors";
import type { RecordAccessReviewInput } from "@/lib/validation/access-review";
import { accountScopeWhere, type Scope } from "./scope";
import { audit } from "./write-context";
import { dbFor } from "./tenant";

/**
 * Who has access, reviewed: any member who can see the account (Viewers and a seller's own account
 * owners included) records "approved" or "remove requested" for a login. A record, not a change of
 * access data — the removal itself happens in Seller Central and is then recorded on the login.
 */
export async function recordAccessReview(scope: Scope, input: RecordAccessReviewInput): Promise<void> {
  await dbFor(scope).$transaction(async (tx) => {
    const login = await tx.login.findFirst({
      where: { id: input.loginId, accountId: input.accountId, orgId: scope.orgId, account: accountScopeWhere(scope) },
      select: { id: true, email: true },
    });
    if (!login) throw new AppError("NOT_FOUND", "Login not found");
    const review = await tx.accessReview.create({
      data: { orgId: scope.orgId, accountId: input.accountId, loginId: login.id, decision: input.decision, note: input.note, decidedById: scope.userId },
    });
    await audit(tx, scope, { action: "access.reviewed", entityType: "Login", entityId: login.id, accountId: input.accountId, after: { decision: input.decision, note: input.note, reviewId: review.id } });
  });
}

/** The latest decision per login of an account, with who decided (scope-checked by the caller's account read). */
export async function latestReviews(scope: Scope, accountId: string) {
  const reviews = await dbFor(scope).accessReview.findMany({
    where: { orgId: scope.orgId, accountId },
    orderBy: { decidedAt: "desc" },
    distinct: ["loginId"],
  });
  const users = await dbFor(scope).user.findMany({ where: { id: { in: [...new Set(reviews.map((r) => r.decidedById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return new Map(reviews.map((r) => [r.loginId, { decision: r.decision, note: r.note, decidedAt: r.decidedAt, by: names.get(r.decidedById) ?? "—" }]));
}
