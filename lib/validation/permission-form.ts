import { z } from "zod";
import { TOOL_CATALOGUE } from "../risk/tools";
import { recordId, version } from "./record-fields";

// A login's User Permissions as an editable matrix: one field per tool area, or per tool area and
// marketplace where Seller Central sets it per marketplace. Field names: "g.TOOL" or "g.TOOL.MP".
export const PERMISSION_LEVELS = ["NONE", "VIEW", "VIEW_EDIT", "ADMIN"] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

const SCOPE = new Map<string, string>(TOOL_CATALOGUE.tools.map((tool) => [tool.id, tool.scope]));
export const grantField = (toolId: string, marketplace: string | null) => (marketplace ? `g.${toolId}.${marketplace}` : `g.${toolId}`);

export interface GrantInput {
  toolId: string;
  marketplace: string | null;
  level: PermissionLevel;
}

export const setPermissionsSchema = z
  .object({ accountId: recordId, version, loginId: recordId })
  .catchall(z.string())
  .transform((form, ctx) => {
    const grants: GrantInput[] = [];
    for (const [name, value] of Object.entries(form)) {
      if (!name.startsWith("g.")) continue;
      const [, toolId, marketplace = null] = name.split(".");
      const scope = SCOPE.get(toolId);
      // A tool that is not in the catalogue, or the wrong shape for its scope, is not a field this form has.
      if (!scope || (scope === "GLOBAL") !== (marketplace === null) || (marketplace !== null && !/^[A-Z]{2}$/.test(marketplace))) {
        ctx.addIssue({ code: "custom", path: [name], message: "validation.choose" });
        continue;
      }
      if (!(PERMISSION_LEVELS as readonly string[]).includes(String(value))) {
        ctx.addIssue({ code: "custom", path: [name], message: "validation.choose" });
        continue;
      }
      if (value !== "NONE") grants.push({ toolId, marketplace, level: value as PermissionLevel });
    }
    return { accountId: String(form.accountId), version: Number(form.version), loginId: String(form.loginId), grants };
  });
export type SetPermissionsInput = z.infer<typeof setPermissionsSchema>;
