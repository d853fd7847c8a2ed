"use server";
import { completeOffboardingTask, offboardPerson } from "@/lib/db/people-offboarding";
import { defineAction } from "@/lib/actions/define-action";
import { completeOffboardingTaskSchema, offboardPersonSchema } from "@/lib/validation/people";

export const offboardPersonAction = defineAction(offboardPersonSchema, (scope, input) => offboardPerson(scope, input.personId, input.departedAt));
export const completeOffboardingTaskAction = defineAction(completeOffboardingTaskSchema, (scope, input) => completeOffboardingTask(scope, input.taskId));
