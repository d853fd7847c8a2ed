"use server";
import { defineAction } from "@/lib/actions/define-action";
import { updateRiskSettings } from "@/lib/db/settings";
import { updateRiskSettingsSchema } from "@/lib/validation/settings";

export const updateRiskSettingsAction = defineAction(updateRiskSettingsSchema, (scope, input) => updateRiskSettings(scope, input));
