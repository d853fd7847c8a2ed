import "server-only";
import { isSensitiveTool, TOOL_CATALOGUE } from "@/lib/risk/tools";
import type { Db } from "./client";

/** Brings the Tool table to the shipped catalogue version (idempotent; run at every start). */
export async function syncToolCatalogue(db: Db): Promise<void> {
  await db.$transaction(
    TOOL_CATALOGUE.tools.map((tool, index) => {
      const data = {
        catalogVersion: TOOL_CATALOGUE.version,
        group: tool.group,
        nameEn: tool.nameEn,
        nameJa: tool.nameJa,
        scope: tool.scope,
        sensitive: isSensitiveTool(tool.id),
        sortOrder: index,
      };
      return db.tool.upsert({ where: { id: tool.id }, create: { id: tool.id, ...data }, update: data });
    }),
  );
}
