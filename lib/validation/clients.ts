import { z } from "zod";
import { recordId, requiredText, version } from "./record-fields";

/** The accounts table's client search box: the text typed so far; `all=1`: every client in scope (a form's choices). */
export const clientSearchSchema = z.object({ q: z.string().max(100).default(""), all: z.literal("1").optional() });

export const createClientSchema = z.object({ name: requiredText() });
export type CreateClientInput = z.infer<typeof createClientSchema>;

export const renameClientSchema = z.object({ clientId: recordId, version, name: requiredText() });
export type RenameClientInput = z.infer<typeof renameClientSchema>;

export const removeClientSchema = z.object({ clientId: recordId, version, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemoveClientInput = z.infer<typeof removeClientSchema>;
