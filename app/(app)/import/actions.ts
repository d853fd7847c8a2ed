"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getScope } from "@/lib/auth/scope";
import { twoFactorPending } from "@/lib/db/scope";
import { importSnapshotText, MAX_IMPORT_BYTES, tooLargeError, type ImportResult } from "@/lib/db/snapshot-upload";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateSnapshotErrors } from "@/lib/i18n/snapshot-errors";

/** `json` and `clientId` echo a failed attempt's pasted text and choice, so the form can show them again. */
export type ImportState = { seq: number; result: ImportResult | null; error?: string; json?: string; clientId?: string };

const importSchema = z.object({ clientId: z.string().max(64).optional().transform((v) => v || null) });

/** File uploads do not fit defineAction's string fields; the same steps are spelled out here. */
export async function importSnapshotAction(prev: ImportState, formData: FormData): Promise<ImportState> {
  const seq = (prev?.seq ?? 0) + 1;
  const scope = await getScope();
  if (!scope) return { seq, result: null, error: "UNAUTHENTICATED" };
  if (twoFactorPending(scope)) return { seq, result: null, error: "FORBIDDEN" };
  const file = formData.get("file");
  const json = formData.get("json");
  const pasted = typeof json === "string" ? json : "";
  const rawClientId = formData.get("clientId");
  const kept = { json: pasted, clientId: typeof rawClientId === "string" ? rawClientId : "" };
  const parsed = importSchema.safeParse({ clientId: rawClientId ?? undefined });
  if (!parsed.success) return { seq, result: null, error: "INVALID_INPUT", ...kept };
  const t = await getT();
  const failed = (result: ImportResult & { ok: false }): ImportState => ({ seq, result: { ok: false, errors: translateSnapshotErrors(result.errors, t) }, ...kept });
  let text = pasted.trim();
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return failed({ ok: false, errors: [tooLargeError()] });
    text = await file.text();
  }
  if (!text) return failed({ ok: false, errors: [{ path: "(file)", message: "choose a file or paste a snapshot", reason: { key: "noInput" } }] });
  try {
    const result = await importSnapshotText(scope, text, parsed.data.clientId);
    if (!result.ok) return failed(result);
    revalidatePath("/", "layout");
    return { seq, result };
  } catch (error) {
    if (error instanceof AppError) return { seq, result: null, error: error.code, ...kept };
    throw error;
  }
}
