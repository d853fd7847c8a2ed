import { z } from "zod";
import { recordId, requiredText, version } from "./record-fields";
import { TEXT_LIMITS } from "./text";

/**
 * A client's name, wherever one is given: the client form, /api/v1's `client` (whose snapshot upsert creates the
 * client it names) and the snapshot download. One limit, so every client there is can be named where it is asked for;
 * a client is a company, and a company's name has the snapshot's name limit.
 */
export const CLIENT_NAME_MAX_LENGTH = TEXT_LIMITS.name;

/** The accounts table's client search box: the text typed so far; `all=1`: every client in scope (a form's choices). */
export const clientSearchSchema = z.object({ q: z.string().max(100).default(""), all: z.literal("1").optional() });

export const createClientSchema = z.object({ name: requiredText(CLIENT_NAME_MAX_LENGTH) });
export type CreateClientInput = z.infer<typeof createClientSchema>;

export const renameClientSchema = z.object({ clientId: recordId, version, name: requiredText(CLIENT_NAME_MAX_LENGTH) });
export type RenameClientInput = z.infer<typeof renameClientSchema>;

export const removeClientSchema = z.object({ clientId: recordId, version, confirm: z.literal("yes", "validation.confirmRemove") });
export type RemoveClientInput = z.infer<typeof removeClientSchema>;
