import "server-only";
import type { Scope } from "./scope";
import { dbFor } from "./tenant";

/** Display names for people and devices of the caller's organisation (two set-based queries). */
export async function labelsFor(scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = dbFor(scope);
  const [people, devices] = await Promise.all([
    db.person.findMany({ where: { orgId: scope.orgId, id: { in: ids } }, select: { id: true, name: true } }),
    db.device.findMany({ where: { orgId: scope.orgId, id: { in: ids } }, select: { id: true, label: true, kind: true } }),
  ]);
  return new Map<string, string>([...people.map((p) => [p.id, p.name] as const), ...devices.map((d) => [d.id, d.label ?? d.kind] as const)]);
}
