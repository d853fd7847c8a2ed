import type { AccountRule, OrganisationRule, Rule } from "../types";
import { appAuthExpiringRule } from "./app-auth-expiring";
import { contractorAsUserRule } from "./contractor-as-user";
import { dormantAccountRule } from "./dormant-account";
import { dormantUserRule } from "./dormant-user";
import { externalAdminRule } from "./external-admin";
import { externalSensitiveAccessRule } from "./external-sensitive-access";
import { individualPlanMultiUserRule } from "./individual-plan-multi-user";
import { leftoverAccessRule } from "./leftover-access";
import { no2svRule } from "./no-2sv";
import { noActivePrimaryRule } from "./no-active-primary";
import { offboardedStillActiveRule } from "./offboarded-still-active";
import { otpSkipOnSharedDeviceRule } from "./otp-skip-on-shared-device";
import { passwordReusedRule } from "./password-reused";
import { primaryHeldByOutsiderRule } from "./primary-held-by-outsider";
import { primaryNoBackupRule } from "./primary-no-backup";
import { shared2svDeviceRule } from "./shared-2sv-device";
import { sharedPrimaryLoginRule } from "./shared-primary-login";
import { single2svMethodRule } from "./single-2sv-method";
import { singleAdminRule } from "./single-admin";
import { smsOnlyRule } from "./sms-only";
import { stalePartnerLinkRule } from "./stale-partner-link";
import { stalePasswordRule } from "./stale-password";
import { staleInviteRule } from "./stale-invite";
import { suspendedRule } from "./suspended";
import { tooManyAdminsRule } from "./too-many-admins";
import { unverifiedDataRule } from "./unverified-data";

/** The catalogue, in DOMAIN.md's order. */
export const ALL_RULES: readonly Rule[] = [
  no2svRule,
  single2svMethodRule,
  primaryNoBackupRule,
  smsOnlyRule,
  shared2svDeviceRule,
  stalePasswordRule,
  passwordReusedRule,
  sharedPrimaryLoginRule,
  dormantUserRule,
  staleInviteRule,
  externalAdminRule,
  tooManyAdminsRule,
  offboardedStillActiveRule,
  dormantAccountRule,
  appAuthExpiringRule,
  otpSkipOnSharedDeviceRule,
  suspendedRule,
  individualPlanMultiUserRule,
  primaryHeldByOutsiderRule,
  singleAdminRule,
  externalSensitiveAccessRule,
  contractorAsUserRule,
  stalePartnerLinkRule,
  leftoverAccessRule,
  unverifiedDataRule,
  noActivePrimaryRule,
];

export const ACCOUNT_RULES = ALL_RULES.filter((rule): rule is AccountRule => rule.scope === "account");
export const ORGANISATION_RULES = ALL_RULES.filter((rule): rule is OrganisationRule => rule.scope === "organisation");
