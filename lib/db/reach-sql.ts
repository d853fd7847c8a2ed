// The one SQL definition of which people and devices a set of accounts reaches: who a Manager/Viewer may see
// (lib/db/people/people-sql.ts personVisibility) and what a client-restricted write may name or change
// (lib/db/client-reach.ts, decision 082) are the same reach, seen from different accounts, so it is written once.
// `$1` is the organisation; `accounts` names a CTE of the accounts, one column `id`, defined by the caller.

/**
 * Ids of the devices these accounts reach: a 2SV method of one of their logins uses the device.
 */
export const devicesReachedBy = (accounts: string) => `
  SELECT m."deviceId" AS id FROM "TwoStepMethod" m JOIN "Login" l ON l.id = m."loginId" AND l."orgId" = $1
    JOIN ${accounts} a ON a.id = l."accountId" WHERE m."orgId" = $1 AND m."deviceId" IS NOT NULL`;

/**
 * Ids of the people these accounts reach: they own or use one of their logins, hold other access to one of them,
 * or hold a device one of their logins' 2SV methods uses. One set (UNION), not an EXISTS per person, which made the
 * planner's estimates explode.
 */
export const peopleReachedBy = (accounts: string) => `
  SELECT l."personId" AS id FROM "Login" l JOIN ${accounts} a ON a.id = l."accountId" WHERE l."orgId" = $1
  UNION SELECT lu."personId" FROM "LoginUser" lu JOIN "Login" l ON l.id = lu."loginId" AND l."orgId" = $1
    JOIN ${accounts} a ON a.id = l."accountId" WHERE lu."orgId" = $1
  UNION SELECT d."holderId" FROM "TwoStepMethod" m JOIN "Device" d ON d.id = m."deviceId" AND d."orgId" = $1
    JOIN "Login" l ON l.id = m."loginId" AND l."orgId" = $1 JOIN ${accounts} a ON a.id = l."accountId"
    WHERE m."orgId" = $1 AND d."holderId" IS NOT NULL
  UNION SELECT o."personId" FROM "OtherAccess" o JOIN ${accounts} a ON a.id = o."accountId" WHERE o."orgId" = $1`;
