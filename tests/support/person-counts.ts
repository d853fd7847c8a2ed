import type { Db } from "@/lib/db/client";

// PersonFindingCount and PersonCount (decision 035) are derived data: tests compare what is stored with a
// count from scratch after every kind of write.

export type Counts = Record<string, [number, number, number, number]>;

/** Open findings about each person, their logins (owned or used) and devices, counted from the facts. */
export async function freshPersonCounts(db: Db, orgId: string): Promise<Counts> {
  const rows = await db.$queryRawUnsafe<{ id: string; c: number; h: number; m: number; l: number }[]>(
    `SELECT p.id, count(f.id) FILTER (WHERE f.severity = 'critical')::int AS c, count(f.id) FILTER (WHERE f.severity = 'high')::int AS h,
            count(f.id) FILTER (WHERE f.severity = 'medium')::int AS m, count(f.id) FILTER (WHERE f.severity = 'low')::int AS l
     FROM "Person" p
     LEFT JOIN (SELECT id AS pid, 'person' AS t, id AS sid FROM "Person" WHERE "orgId" = $1
                UNION SELECT "personId", 'login', id FROM "Login" WHERE "orgId" = $1
                UNION SELECT "personId", 'login', "loginId" FROM "LoginUser" WHERE "orgId" = $1
                UNION SELECT "holderId", 'device', id FROM "Device" WHERE "orgId" = $1 AND "holderId" IS NOT NULL) s ON s.pid = p.id
     LEFT JOIN "Finding" f ON f."orgId" = $1 AND f.status = 'OPEN' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
     WHERE p."orgId" = $1 GROUP BY p.id`,
    orgId,
  );
  return Object.fromEntries(rows.map((r) => [r.id, [r.c, r.h, r.m, r.l]]));
}

/** What PersonFindingCount holds for each person (no row: all zero). */
export async function storedPersonCounts(db: Db, orgId: string): Promise<Counts> {
  const people = await db.person.findMany({ where: { orgId }, select: { id: true, findingCount: true } });
  return Object.fromEntries(
    people.map((p) => [p.id, p.findingCount ? [p.findingCount.openCritical, p.findingCount.openHigh, p.findingCount.openMedium, p.findingCount.openLow] : [0, 0, 0, 0]]),
  );
}
