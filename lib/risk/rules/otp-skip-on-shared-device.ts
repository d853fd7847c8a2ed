import { sharedDeviceFindings } from "../shared-device";
import type { OrganisationRule } from "../types";

export const otpSkipOnSharedDeviceRule: OrganisationRule = {
  id: "OTP_SKIP_ON_SHARED_DEVICE",
  severity: "medium",
  scope: "organisation",
  evaluate: (index) =>
    sharedDeviceFindings(
      index,
      "OTP_SKIP_ON_SHARED_DEVICE",
      "medium",
      (device) => device?.skipOtpOnBrowser === true,
      "skips the code (\"don't require a code on this browser\") and is a 2SV method",
    ),
};
