export { triageSteps, DORMANT_DAYS, QUIET_DAYS, RECENT_PASSWORD_DAYS, NEVER_SIGNED_IN_DAYS, INVITATION_DAYS } from "./steps";
export { signInHostFor, signInUrlFor, MARKETPLACE_HOSTS, REGION_HOSTS, COMMON_WRONG_HOST } from "./sign-in-hosts";
export * from "./types";
export * from "./outcome";
