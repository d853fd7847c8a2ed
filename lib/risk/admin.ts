import type { Login, PermissionGrant } from "../validation/snapshot";

/**
 * An admin login is an ACTIVE login that is PRIMARY, or holds ADMIN on any tool, or VIEW_EDIT/ADMIN on
 * USER_PERMISSIONS (whoever can edit User Permissions can make themselves an admin).
 */
export function isAdminLogin(login: Pick<Login, "status" | "role"> & { permissions: readonly Pick<PermissionGrant, "tool" | "level">[] }): boolean {
  if (login.status !== "ACTIVE") return false;
  if (login.role === "PRIMARY") return true;
  for (const grant of login.permissions) if (isAdminGrant(grant)) return true;
  return false;
}

function isAdminGrant(grant: Pick<PermissionGrant, "tool" | "level">): boolean {
  return grant.level === "ADMIN" || (grant.tool === "USER_PERMISSIONS" && grant.level === "VIEW_EDIT");
}

/** The grants that make a login an admin, as "TOOL:LEVEL" strings, for evidence. */
export function adminGrants(login: Login): string[] {
  const grants: string[] = [];
  for (const grant of login.permissions) if (isAdminGrant(grant)) grants.push(`${grant.tool}:${grant.level}`);
  return grants;
}

/** Distinct personIds of the admin logins, in login order. */
export function adminPeople(logins: readonly Login[]): string[] {
  const people: string[] = [];
  for (const login of logins) {
    if (isAdminLogin(login) && !people.includes(login.personId)) people.push(login.personId);
  }
  return people;
}
