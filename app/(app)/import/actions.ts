"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getScope } from "@/lib/auth/scope";
import { twoFactorPending } from "@/lib/db/scope";
import { importSnapshotText, MAX_IMPORT_BYTES, type ImportResult } from "@/lib/db/snapshot-upload";
import { AppError } from "@/lib/errors";

export type ImportState = { seq: number; result: ImportResult | null; error?: string };

const importSchema = z.object({ clientId: z.string().max(64).optional().transform((v) => v || null) });

/** File uploads do not fit defineAction's string fields; the same steps are spelled out here. */
export async function importSnapshotAction(prev: ImportState, formData: FormData): Promise<ImportState> {
  const seq = (prev?.seq ?? 0) + 1;
  const scope = await getScope();
  if (!scope) return { seq, result: null, error: "UNAUTHENTICATED" };
  if (twoFactorPending(scope)) return { seq, result: null, error: "FORBIDDEN" };
  const file = formData.get("file");
  const pasted = formData.get("json");
  const parsed = importSchema.safeParse({ clientId: formData.get("clientId") ?? undefined });
  if (!parsed.success) return { seq, result: null, error: "INVALID_INPUT" };
  let text = typeof pasted === "string" ? pasted.trim() : "";
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { seq, result: { ok: false, errors: [{ path: "(file)", message: "larger than 5 MB" }] } };
    text = await file.text();
  }
  if (!text) return { seq, result: { ok: false, errors: [{ path: "(file)", message: "choose a file or paste a snapshot" }] } };
  try {
    const result = await importSnapshotText(scope, text, parsed.data.clientId);
    if (result.ok) revalidatePath("/", "layout");
    return { seq, result };
  } catch (error) {
    if (error instanceof AppError) return { seq, result: null, error: error.code };
    throw error;
  }
}
