// The engine's default thresholds, apart from their zod schemas (risk-settings.ts) so that the audit command
// loads no zod for a valid file (decision 030, stop 30).

export const DEFAULT_RISK_SETTINGS = Object.freeze({
  stalePasswordDays: 90,
  stalePasswordHighDays: 180,
  dormantUserDays: 90,
  neverLoggedInGraceDays: 30,
  staleInviteDays: 14,
  stalePartnerLinkDays: 7,
  dormantAccountDays: 180,
  appExpiryWarnDays: 30,
  maxAdmins: 3,
  unverifiedDataDays: 90,
});
