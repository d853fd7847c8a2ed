import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Every server action is listed here with how it is authorised. Actions built with defineAction get
// session → scope → zod → lib (which enforces role and tenant, proven by the integration tests);
// the few others say why they are public. A new action without an entry fails this test.
export const WRAPPED = "defineAction";
export const ACTIONS: Record<string, Record<string, string>> = {
  "app/(app)/accounts/[id]/actions.ts": {
    acceptFindingAction: WRAPPED, reopenFindingAction: WRAPPED, addTwoStepMethodAction: WRAPPED,
    removeTwoStepMethodAction: WRAPPED, updateLoginAction: WRAPPED, markVerifiedAction: WRAPPED, recordAccessReviewAction: WRAPPED,
  },
  "app/(app)/accounts/actions.ts": { saveViewAction: WRAPPED, deleteViewAction: WRAPPED },
  "app/(app)/members/actions.ts": {
    inviteMemberAction: WRAPPED, changeMemberAction: WRAPPED, removeMemberAction: WRAPPED, revokeInvitationAction: WRAPPED,
    inviteClientOwnerAction: WRAPPED, closeClientPortalAction: WRAPPED },
  "app/(app)/people/[id]/actions.ts": { offboardPersonAction: WRAPPED, completeOffboardingTaskAction: WRAPPED },
  "app/(app)/security/actions.ts": {
    changePasswordAction: WRAPPED, revokeSessionAction: WRAPPED, revokeOtherSessionsAction: WRAPPED,
    startEnrolmentAction: WRAPPED, confirmEnrolmentAction: WRAPPED, disableTwoFactorAction: WRAPPED,
  },
  "app/(app)/settings/actions.ts": { updateRiskSettingsAction: WRAPPED, setRequireTwoFactorAction: WRAPPED, createApiTokenAction: WRAPPED, revokeApiTokenAction: WRAPPED },
  "app/(app)/import/actions.ts": { importSnapshotAction: "session + role in lib (file upload; same steps as defineAction)" },
  "app/invite/[token]/actions.ts": {
    acceptAsNewUserAction: "public: the single-use invitation token is the authorisation",
    acceptAsUserAction: "session: joins only with the signed-in user's own e-mail",
  },
  "app/signin/actions.ts": { signInAction: "public: sign-in itself, rate-limited" },
  "lib/actions/locale.ts": { setLocaleAction: "public: sets the language cookie only" },
  "lib/actions/sign-out.ts": { signOutAction: "session: ends the caller's own session" },
  "lib/actions/switch-org.ts": { switchOrgAction: "session: only to an organisation the user belongs to" },
};

export function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "generated" ? [] : serverActionFiles(full);
    return /\.tsx?$/.test(name) && /^["']use server["']/m.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

export const exportsOf = (source: string) => [...source.matchAll(/export (?:const|async function) (\w+)/g)].map((m) => m[1]).sort();

