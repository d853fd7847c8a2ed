"use server";
import { defineAction } from "@/lib/actions/define-action";
import { createSavedView, deleteSavedView } from "@/lib/db/saved-views";
import { createSavedViewSchema, deleteSavedViewSchema } from "@/lib/validation/accounts";

export const saveViewAction = defineAction(createSavedViewSchema, (scope, input) => createSavedView(scope, input), { revalidate: "/accounts" });
export const deleteViewAction = defineAction(deleteSavedViewSchema, (scope, input) => deleteSavedView(scope, input.id), { revalidate: "/accounts" });
