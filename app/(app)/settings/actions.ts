"use server";
import { defineAction } from "@/lib/actions/define-action";
import { z } from "zod";
import { setRequireTwoFactor, updateRiskSettings } from "@/lib/db/settings";
import { updateRiskSettingsSchema } from "@/lib/validation/settings";

export const updateRiskSettingsAction = defineAction(updateRiskSettingsSchema, (scope, input) => updateRiskSettings(scope, input));
export const setRequireTwoFactorAction = defineAction(z.object({ required: z.enum(["yes", "no"]) }), (scope, input) => setRequireTwoFactor(scope, input.required === "yes"));
