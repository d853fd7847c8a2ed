import "server-only";
import { AppError } from "@/lib/errors";
import { getDb } from "./client";
import { isOrgAdmin, type Scope } from "./scope";
import { dbFor } from "./tenant";

export async function writeOutboxMail(mail: { orgId: string; to: string; subject: string; body: string }): Promise<void> {
  await getDb().outboxMail.create({ data: mail });
}

/** The dev outbox holds invitation links: organisation owners and admins only. */
export async function listOutbox(scope: Scope) {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins can read the outbox");
  return dbFor(scope).outboxMail.findMany({ where: { orgId: scope.orgId }, orderBy: { createdAt: "desc" }, take: 50 });
}
