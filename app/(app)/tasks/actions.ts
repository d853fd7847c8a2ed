"use server";
import { defineAction } from "@/lib/actions/define-action";
import { closeTask, createFindingTask } from "@/lib/db/tasks/task-records";
import { closeTaskSchema, findingTaskSchema } from "@/lib/validation/reviews";

export const closeTaskAction = defineAction(closeTaskSchema, (scope, input) => closeTask(scope, input));
export const createFindingTaskAction = defineAction(findingTaskSchema, (scope, input) => createFindingTask(scope, input));
