"use server";
import { defineAction } from "@/lib/actions/define-action";
import { recordTriage } from "@/lib/db/triage/sessions";
import { recordTriageSchema } from "@/lib/validation/triage";

export const recordTriageAction = defineAction(recordTriageSchema, (scope, input) => recordTriage(scope, input));
