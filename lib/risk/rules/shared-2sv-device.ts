import { sharedDeviceFindings } from "../shared-device";
import type { OrganisationRule } from "../types";

export const shared2svDeviceRule: OrganisationRule = {
  id: "SHARED_2SV_DEVICE",
  severity: "high",
  scope: "organisation",
  evaluate: (index) => sharedDeviceFindings(index, "SHARED_2SV_DEVICE", "high", () => true, "is a 2SV method"),
};
