import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import type { AgencyWithOwnerInput, NewOrganisationInput, SetupInput } from "@/lib/validation/setup";
import { lockForTransaction } from "../advisory-lock";
import { getDb, type Db, type Tx } from "../client";
import type { Scope } from "../scope";
import { DEMO_ORG_ID } from "../seed";
import { claimSetupToken } from "./setup-token";
import { sameTextAnyCase } from "../same-text";

// Three ways an agency organisation comes to be without the demo: the first-run /setup page (its
// single-use token is the authorisation), `gatehouse setup` (whoever can run commands on the server),
// and a demo Owner starting their own organisation beside the demo from the org switcher.

// Serialises organisation creation so "only while none exists" and "e-mail not taken" hold under races.
const SETUP_LOCK = "gatehouse:setup";

/** The password policy's refusal, as a field error (same rule as invitations and password changes). */
function assertPassword(input: { password: string; email: string; name: string }): void {
  const problem = passwordProblem(input.password, [input.email, input.name]);
  if (problem) throw new AppError("INVALID_INPUT", `password: ${problem}`, { password: `validation.password.${problem}` });
}

/**
 * An agency's name is how `gatehouse token create --org` finds it, and how a person tells agencies apart in
 * the org switcher: a second agency of the same name made the first unreachable by name (probe 43, finding
 * 4). Compared without case ("Momiji Partners" and "momiji partners" read as one agency); portal
 * organisations are named after their client and are not agencies, so they do not count.
 */
async function assertAgencyNameFree(tx: Tx, orgName: string): Promise<void> {
  const used = await tx.organization.findFirst({ where: { kind: "AGENCY", name: sameTextAnyCase(orgName) }, select: { id: true } });
  if (used) throw new AppError("CONFLICT", `an organisation named "${orgName}" already exists`, { orgName: "validation.orgNameTaken" });
}

/**
 * The organisation and its Owner, a new user. `checkName` "install" refuses a name any agency uses (setup and
 * the CLI: the operator's own server); "none" for an organisation started from the demo, whose new Owner has no
 * agency yet, so their switcher cannot show two of one name, and checking every agency would let a public demo
 * visitor confirm another tenant's name (decision 100).
 */
async function createAgency(tx: Tx, input: AgencyWithOwnerInput, passwordHash: string, via: string, checkName: "install" | "none" = "install") {
  if (checkName === "install") await assertAgencyNameFree(tx, input.orgName);
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw new AppError("CONFLICT", `a user with the e-mail ${input.email} already exists`, { email: "validation.emailTaken" });
  const org = await tx.organization.create({ data: { name: input.orgName, kind: "AGENCY", locale: input.locale } });
  const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, locale: input.locale } });
  const membership = await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
  await tx.auditEvent.create({
    data: { orgId: org.id, actorUserId: user.id, action: "organisation.created", entityType: "Organization", entityId: org.id, after: { name: org.name, locale: org.locale, owner: user.email, membershipId: membership.id, via } },
  });
  return { orgId: org.id, userId: user.id, email: user.email };
}

/** /setup: the first organisation, once, with the unused token, while none exists. */
export async function completeSetup(input: SetupInput) {
  assertPassword(input);
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    await lockForTransaction(tx, SETUP_LOCK);
    // Either refusal looks the same to the browser as a wrong link: the page is gone.
    if ((await tx.organization.count()) > 0) throw new AppError("NOT_FOUND", "Gatehouse is already set up");
    if (!(await claimSetupToken(tx, input.token))) throw new AppError("NOT_FOUND", "Unknown or used setup link");
    return createAgency(tx, input, passwordHash, "setup-link");
  });
}

/** `gatehouse setup`: an agency and its Owner, whether or not other organisations exist. */
export async function createAgencyWithOwner(db: Db, input: AgencyWithOwnerInput) {
  assertPassword(input);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await lockForTransaction(tx, SETUP_LOCK);
    const created = await createAgency(tx, input, passwordHash, "cli");
    // A set-up server needs no setup link any more.
    await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: new Date() } });
    return created;
  });
}

/** Only an Owner of the organisation that holds the demo agency: a trial user keeps the demo beside their real data. */
export function canStartOwnOrganisation(scope: Pick<Scope, "role" | "orgId" | "portal">): boolean {
  return scope.role === "OWNER" && scope.orgId === DEMO_ORG_ID && !scope.portal;
}

/**
 * A demo Owner starts a real organisation: its Owner is a new user with their own e-mail and password, and the
 * demo user does not become a member. The demo sign-in is public (its password is in the README), so an
 * organisation it belonged to would be open to every visitor, with its outbox links "sent by" them (decision 103).
 */
export async function createOwnOrganisation(scope: Scope, input: NewOrganisationInput): Promise<{ orgId: string; email: string }> {
  if (!canStartOwnOrganisation(scope)) throw new AppError("FORBIDDEN", "Only an Owner of the demo organisation can start a new one here");
  assertPassword(input);
  const passwordHash = await hashPassword(input.password);
  // A system write: the new organisation is nobody's tenant yet, so row-level security has no org to name.
  return getDb().$transaction(async (tx) => {
    await lockForTransaction(tx, SETUP_LOCK);
    const { orgId, email } = await createAgency(tx, input, passwordHash, "demo", "none");
    return { orgId, email };
  });
}
