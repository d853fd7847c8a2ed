import { z } from "zod";
import { DEFAULT_RISK_SETTINGS } from "./risk-settings-defaults";

const days = z.number().int().min(0);

/** Thresholds of the risk rules, in days unless named otherwise. */
const riskSettingsShape = {
  /** STALE_PASSWORD fires at medium from this age; 0 turns the whole rule off. */
  stalePasswordDays: days,
  /** STALE_PASSWORD becomes high from this age; 0 disables only the high tier. */
  stalePasswordHighDays: days,
  dormantUserDays: days,
  neverLoggedInGraceDays: days,
  staleInviteDays: days,
  stalePartnerLinkDays: days,
  dormantAccountDays: days,
  appExpiryWarnDays: days,
  /** TOO_MANY_ADMINS fires when more people than this can administer an account. */
  maxAdmins: z.number().int().min(0),
  unverifiedDataDays: days,
};

export { DEFAULT_RISK_SETTINGS };

/** Complete settings: every missing threshold takes its default. */
export const riskSettingsSchema = z.strictObject({
  stalePasswordDays: riskSettingsShape.stalePasswordDays.default(DEFAULT_RISK_SETTINGS.stalePasswordDays),
  stalePasswordHighDays: riskSettingsShape.stalePasswordHighDays.default(DEFAULT_RISK_SETTINGS.stalePasswordHighDays),
  dormantUserDays: riskSettingsShape.dormantUserDays.default(DEFAULT_RISK_SETTINGS.dormantUserDays),
  neverLoggedInGraceDays: riskSettingsShape.neverLoggedInGraceDays.default(DEFAULT_RISK_SETTINGS.neverLoggedInGraceDays),
  staleInviteDays: riskSettingsShape.staleInviteDays.default(DEFAULT_RISK_SETTINGS.staleInviteDays),
  stalePartnerLinkDays: riskSettingsShape.stalePartnerLinkDays.default(DEFAULT_RISK_SETTINGS.stalePartnerLinkDays),
  dormantAccountDays: riskSettingsShape.dormantAccountDays.default(DEFAULT_RISK_SETTINGS.dormantAccountDays),
  appExpiryWarnDays: riskSettingsShape.appExpiryWarnDays.default(DEFAULT_RISK_SETTINGS.appExpiryWarnDays),
  maxAdmins: riskSettingsShape.maxAdmins.default(DEFAULT_RISK_SETTINGS.maxAdmins),
  unverifiedDataDays: riskSettingsShape.unverifiedDataDays.default(DEFAULT_RISK_SETTINGS.unverifiedDataDays),
});

export type RiskSettings = z.infer<typeof riskSettingsSchema>;

/**
 * Overrides without defaults, as a snapshot's `settings` carries them: defaults are applied only when
 * the engine merges option > snapshot > default, so a snapshot never masks an explicit option.
 */
export const riskSettingsOverridesSchema = z.strictObject(riskSettingsShape).partial();

export type RiskSettingsOverrides = z.infer<typeof riskSettingsOverridesSchema>;
