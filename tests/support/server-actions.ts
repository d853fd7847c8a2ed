import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Every server action is listed here with how it is authorised. Actions built with defineAction get
// session → scope → zod → lib (which enforces role and tenant, proven by the integration tests);
// the few others say why they are public. A new action without an entry fails this test.
export const WRAPPED = "defineAction";
export const ACTIONS: Record<string, Record<string, string>> = {
  "app/(app)/accounts/[id]/actions.ts": {
    acceptFindingAction: WRAPPED, reopenFindingAction: WRAPPED, addTwoStepMethodAction: WRAPPED,
    updateTwoStepMethodAction: WRAPPED, removeTwoStepMethodAction: WRAPPED, updateLoginAction: WRAPPED, markVerifiedAction: WRAPPED,
    updateAccountAction: WRAPPED, removeAccountAction: WRAPPED, createLoginAction: WRAPPED, removeLoginAction: WRAPPED, setPermissionsAction: WRAPPED,
    savePartnerAction: WRAPPED, saveAppAction: WRAPPED, saveOtherAccessAction: WRAPPED, removeAccountChildAction: WRAPPED,
  },
  "app/(app)/accounts/new/actions.ts": { createAccountAction: WRAPPED },
  "app/(app)/accounts/[id]/triage/actions.ts": { recordTriageAction: WRAPPED },
  "app/(app)/reviews/actions.ts": { startCampaignAction: WRAPPED, decideItemAction: WRAPPED, decideItemsAction: WRAPPED },
  "app/(app)/tasks/actions.ts": { closeTaskAction: WRAPPED, createFindingTaskAction: WRAPPED },
  "app/(app)/clients/actions.ts": { createClientAction: WRAPPED, renameClientAction: WRAPPED, removeClientAction: WRAPPED },
  "app/(app)/clients/[id]/actions.ts": { produceReportAction: WRAPPED },
  "app/(app)/organisations/new/actions.ts": { createOrganisationAction: WRAPPED },
  "app/setup/actions.ts": { completeSetupAction: "public: the single-use setup token is the authorisation, only while no organisation exists" },
  "app/(app)/accounts/actions.ts": { saveViewAction: WRAPPED, deleteViewAction: WRAPPED },
  "app/(app)/import/actions.ts": { importSnapshotAction: "session + role in lib (file upload; same steps as defineAction)" },
  "app/(app)/members/actions.ts": {
    inviteMemberAction: WRAPPED, changeMemberAction: WRAPPED, removeMemberAction: WRAPPED, revokeInvitationAction: WRAPPED,
    inviteClientOwnerAction: WRAPPED, closeClientPortalAction: WRAPPED },
  "app/(app)/people/[id]/actions.ts": {
    offboardPersonAction: WRAPPED, completeOffboardingTaskAction: WRAPPED, reopenOffboardingTaskAction: WRAPPED, cancelOffboardingAction: WRAPPED,
    updatePersonAction: WRAPPED, mergePeopleAction: WRAPPED, saveDeviceAction: WRAPPED, removeDeviceAction: WRAPPED,
    createPersonAction: WRAPPED, removePersonAction: WRAPPED,
  },
  "app/(app)/security/actions.ts": {
    changePasswordAction: WRAPPED, revokeSessionAction: WRAPPED, revokeOtherSessionsAction: WRAPPED,
    startEnrolmentAction: WRAPPED, confirmEnrolmentAction: WRAPPED, disableTwoFactorAction: WRAPPED, setDigestOptOutAction: WRAPPED,
  },
  "app/(app)/settings/actions.ts": { updateRiskSettingsAction: WRAPPED, setRequireTwoFactorAction: WRAPPED, createApiTokenAction: WRAPPED, revokeApiTokenAction: WRAPPED, retryJobAction: WRAPPED },
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

/**
 * What a member may still do while their organisation requires two-factor sign-in and they have not set
 * it up: get it set up and manage their own sign-in; the public and session-only actions outside
 * defineAction are not gated. Every other action refuses (lib/actions/action-matrix.int.test.ts and
 * e2e/action-replay.spec.ts check both sides, so an action given allowPendingTwoFactor must be listed here).
 */
export const ALLOWED_WHILE_TWO_FACTOR_PENDING: Record<string, string> = {
  startEnrolmentAction: "sets up two-factor sign-in",
  confirmEnrolmentAction: "sets up two-factor sign-in",
  disableTwoFactorAction: "the user's own sign-in (lib then refuses it where the organisation requires two-factor)",
  changePasswordAction: "the user's own sign-in",
  revokeSessionAction: "the user's own sessions",
  revokeOtherSessionsAction: "the user's own sessions",
  signInAction: "outside the gate: public",
  acceptAsNewUserAction: "outside the gate: public, token-authorised",
  acceptAsUserAction: "outside the gate: joins another organisation with the user's own e-mail",
  setLocaleAction: "outside the gate: a cookie only",
  signOutAction: "outside the gate: ends the caller's own session",
  switchOrgAction: "outside the gate: to another of the user's own organisations",
  completeSetupAction: "outside the gate: public, authorised by the single-use setup link while no organisation exists",
};

