"use server";
import { defineAction } from "@/lib/actions/define-action";
import { createClient, removeClient, renameClient } from "@/lib/db/clients/client-records";
import { createClientSchema, removeClientSchema, renameClientSchema } from "@/lib/validation/clients";

export const createClientAction = defineAction(createClientSchema, (scope, input) => createClient(scope, input));
export const renameClientAction = defineAction(renameClientSchema, (scope, input) => renameClient(scope, input));
export const removeClientAction = defineAction(removeClientSchema, (scope, input) => removeClient(scope, input));
