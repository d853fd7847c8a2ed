"use server";
import { completeOffboardingTask, offboardPerson } from "@/lib/db/offboarding/offboarding-tasks";
import { cancelOffboarding, reopenOffboardingTask } from "@/lib/db/offboarding/undo";
import { defineAction } from "@/lib/actions/define-action";
import { cancelOffboardingSchema, completeOffboardingTaskSchema, offboardPersonSchema, reopenOffboardingTaskSchema } from "@/lib/validation/people";

export const offboardPersonAction = defineAction(offboardPersonSchema, (scope, input) => offboardPerson(scope, input.personId, input.departedAt));
export const completeOffboardingTaskAction = defineAction(completeOffboardingTaskSchema, (scope, input) => completeOffboardingTask(scope, input.taskId, input.newPersonId));
export const reopenOffboardingTaskAction = defineAction(reopenOffboardingTaskSchema, (scope, input) => reopenOffboardingTask(scope, input.taskId));
export const cancelOffboardingAction = defineAction(cancelOffboardingSchema, (scope, input) => cancelOffboarding(scope, input.personId));
import { redirect } from "next/navigation";
import { createPerson, mergePeople, removeDevice, removePerson, saveDevice, updatePerson } from "@/lib/db/people/person-records";
import { createPersonSchema, mergePeopleSchema, removeDeviceSchema, removePersonSchema, saveDeviceSchema, updatePersonSchema } from "@/lib/validation/person-form";
export const updatePersonAction = defineAction(updatePersonSchema, (scope, input) => updatePerson(scope, input));
export const mergePeopleAction = defineAction(mergePeopleSchema, (scope, input) => mergePeople(scope, input));
export const saveDeviceAction = defineAction(saveDeviceSchema, (scope, input) => saveDevice(scope, input));
export const removeDeviceAction = defineAction(removeDeviceSchema, (scope, input) => removeDevice(scope, input));
/** Created from the people list, then straight to the new person's page (devices, logins, offboarding). */
export const createPersonAction = defineAction(createPersonSchema, async (scope, input) => {
  const { id } = await createPerson(scope, input);
  redirect(`/people/${id}`);
});
export const removePersonAction = defineAction(removePersonSchema, async (scope, input) => {
  await removePerson(scope, input);
  redirect("/people");
});
