"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asFormData, nextSeq } from "@/lib/actions/form-data";
import { getScope } from "@/lib/auth/scope";
import { listClients } from "@/lib/db/members";
import { isOrgAdmin, twoFactorPending } from "@/lib/db/scope";
import { upsertSnapshot } from "@/lib/db/snapshots/upsert";
import { AppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { translateSnapshotErrors } from "@/lib/i18n/snapshot-errors";
import { previewFingerprint, type UpsertPreview } from "@/lib/snapshots/preview";
import { MAX_IMPORT_BYTES, parseSnapshotText, tooLargeError } from "@/lib/snapshots/snapshot-text";
import { describeBookCheck, describeSheetProblem, laterChecksNote, placedPath } from "@/lib/i18n/sheet-problems";
import { checkBook, crossRowRan, type Place } from "@/lib/spreadsheets/all-problems";
import { readBulkFiles } from "@/lib/spreadsheets/read-bulk";
import { applyPasteToAccount, readSellerCentralPaste, type PasteProblem } from "@/lib/spreadsheets/seller-central-paste";
import { exportSnapshot } from "@/lib/db/snapshots/export";
import type { ListedPart } from "@/lib/snapshots/plan";
import type { SnapshotError } from "@/lib/validation/snapshot";
import { accountIdSchema } from "@/lib/validation/accounts";

/**
 * One import, in steps: "input" (with problems, if any), "preview" (what the upsert would do: nothing
 * written yet), "done". `json` and `clientId` carry the attempt from step to step (the confirmation
 * posts the previewed text back); `fingerprint` names the preview the user confirmed.
 */
export type ImportState = {
  seq: number;
  stage: "input" | "preview" | "done";
  errors?: SnapshotError[];
  /** With `errors` from reading the file: the checks that wait until these are fixed (they may find more). */
  laterChecks?: string;
  error?: string;
  json?: string;
  clientId?: string;
  preview?: UpsertPreview;
  fingerprint?: string;
  keepApart?: string[];
  changedSincePreview?: boolean;
  /** The file was a spreadsheet: it lists logins only (partners, apps and 2SV devices stay as stored). */
  loginsOnly?: boolean;
  /** The Seller Central paste and its account, shown again after a problem. */
  pasted?: string;
  pasteAccountId?: string;
  /** With loginsOnly: the parts of each account the workbook lists (the rest stays as stored). */
  listed?: ListedPart[];
  done?: { created: number; updated: number; unchanged: number };
};

const importSchema = z.object({
  intent: z.enum(["preview", "apply"]),
  clientId: z.string().max(64).optional().transform((v) => v || null),
  keepApart: z.array(z.string().min(1).max(200)).max(10_000),
  fingerprint: z.string().max(64).optional(),
  listed: z.array(z.enum(["logins", "partners", "apps", "otherAccess"])).max(4),
});

/** File uploads do not fit defineAction's string fields; the same steps are spelled out here. */
export async function importSnapshotAction(prev: ImportState, posted: FormData): Promise<ImportState> {
  const seq = nextSeq(prev);
  // Posted without its form (lib/actions/form-data.ts): refused before anything is read.
  const formData = asFormData(posted);
  if (!formData) return { seq, stage: "input", error: "INVALID_INPUT" };
  const scope = await getScope();
  if (!scope) return { seq, stage: "input", error: "UNAUTHENTICATED" };
  if (twoFactorPending(scope)) return { seq, stage: "input", error: "FORBIDDEN" };
  // Owners and admins only, before anything of the form is looked at (a client id included).
  if (!isOrgAdmin(scope)) return { seq, stage: "input", error: "FORBIDDEN" };
  const json = formData.get("json");
  const pasted = typeof json === "string" ? json : "";
  const rawClientId = formData.get("clientId");
  const scPasteText = formData.get("scPaste");
  const scAccount = formData.get("scAccountId");
  const kept = {
    json: pasted, clientId: typeof rawClientId === "string" ? rawClientId : "",
    ...(typeof scPasteText === "string" && scPasteText ? { pasted: scPasteText.slice(0, MAX_IMPORT_BYTES), pasteAccountId: typeof scAccount === "string" ? scAccount : "" } : {}),
  };
  const parsed = importSchema.safeParse({
    intent: formData.get("intent") ?? "preview",
    clientId: rawClientId ?? undefined,
    keepApart: formData.getAll("keepApart"),
    fingerprint: formData.get("fingerprint") ?? undefined,
    listed: formData.getAll("listed"),
  });
  if (!parsed.success) return { seq, stage: "input", error: "INVALID_INPUT", ...kept };
  const t = await getT();
  const locale = await getLocale();
  // A spreadsheet's problems found after reading it (the upsert's: a seller ID taken, a phone number in a label) are
  // named by sheet and row too, as the reader's are below.
  const failed = (errors: SnapshotError[]): ImportState => {
    const translated = translateSnapshotErrors(errors, t);
    const where = placeOf;
    return { seq, stage: "input", errors: where ? translated.map((e) => ({ ...e, path: placedPath(e.path, where(e.path), t) })) : translated, ...kept };
  };
  let text = pasted.trim();
  // Spreadsheets (one .xlsx with a sheet per kind, or CSV files) are first turned into a snapshot; problems are named by sheet, row and column.
  let placeOf: ((path: string) => Place | null) | null = null;
  let listed: ListedPart[] | undefined;
  const files = formData.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
  const sheets = files.filter((f) => /\.(xlsx|csv|tsv|txt)$/i.test(f.name) || f.type === "text/csv");
  if (files.reduce((n, f) => n + f.size, 0) > MAX_IMPORT_BYTES) return failed([tooLargeError()]);
  if (sheets.length > 0) {
    const book = await readBulkFiles(await Promise.all(sheets.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    if (!book.ok && !book.snapshot) return { seq, stage: "input", errors: book.problems.map((p) => describeSheetProblem(p, t, locale)), ...kept };
    // Cells it cannot read and everything else the snapshot's checks find in the rest, in one answer.
    if (!book.ok) {
      const check = checkBook(book.snapshot, book.placeOf!, book.problems);
      return { seq, stage: "input", errors: describeBookCheck(check, t, locale), laterChecks: laterChecksNote(check.crossRowChecked, t), ...kept };
    }
    text = JSON.stringify(book.snapshot);
    placeOf = book.placeOf;
    listed = book.listed;
  } else if (files.length > 0) text = await files[0].text();
  // A user list pasted from Seller Central: the chosen account as stored, with its logins made to match the list.
  const scPaste = scPasteText;
  if (typeof scPaste === "string" && scPaste.trim() && !text) {
    if (scPaste.length > MAX_IMPORT_BYTES) return failed([tooLargeError()]);
    const accountId = accountIdSchema.safeParse(formData.get("scAccountId"));
    const pasteFailed = (message: string): ImportState => ({ seq, stage: "input", errors: [{ path: t("bulk.paste.where"), message }], ...kept });
    if (!accountId.success) return pasteFailed(t("bulk.paste.unknownAccount"));
    const read = readSellerCentralPaste(scPaste);
    if (!read.ok) return { seq, stage: "input", errors: read.problems.map((p) => ({ path: t("bulk.paste.where"), message: describePasteProblem(p, t) })), ...kept };
    const stored = await exportSnapshot(scope, { accountIds: [accountId.data] });
    if (stored.accounts.length !== 1) return pasteFailed(t("bulk.paste.unknownAccount"));
    text = JSON.stringify(applyPasteToAccount(stored, read.users));
  }
  if (!text) return failed([{ path: "(file)", message: "choose a file or paste a snapshot", reason: { key: "noInput" } }]);
  // A spreadsheet (now, or carried from its preview as loginsOnly) is held to the forms' record-identity rules.
  const read = parseSnapshotText(text, { fromSpreadsheet: placeOf !== null || formData.get("loginsOnly") === "1" });
  if (!read.ok) {
    const where = placeOf;
    const errors = translateSnapshotErrors(read.errors, t);
    const laterChecks = read.errors.some((e) => e.path !== "(file)") ? laterChecksNote(crossRowRan(read.errors), t) : undefined;
    return { seq, stage: "input", errors: where ? errors.map((e) => ({ ...e, path: placedPath(e.path, where(e.path), t) })) : errors, laterChecks, ...kept };
  }
  const { intent, clientId, keepApart } = parsed.data;
  try {
    // The page offers the organisation's clients by id; the upsert (like the API) takes a client's name.
    const client = clientId ? (await listClients(scope)).find((c) => c.id === clientId) : null;
    if (client === undefined) return failed([{ path: "(client)", message: "unknown client", reason: { key: "unknownClient" } }]);
    const loginsOnly = placeOf !== null || formData.get("loginsOnly") === "1";
    listed ??= parsed.data.listed.length ? parsed.data.listed : undefined;
    const options = { source: "IMPORT" as const, client: client?.name ?? null, keepApart, loginsOnly, listed };
    const dry = await upsertSnapshot(scope, read.snapshot, { ...options, dryRun: true });
    if (!dry.ok) return failed(dry.errors);
    const fingerprint = previewFingerprint(dry.preview);
    const preview: ImportState = { seq, stage: "preview", preview: dry.preview, fingerprint, keepApart, json: text, clientId: kept.clientId, loginsOnly, listed };
    if (intent === "preview") return preview;
    // Apply only what the user saw; anything else (a changed choice, someone else's edit) is shown again first.
    if (parsed.data.fingerprint !== fingerprint) return { ...preview, changedSincePreview: true };
    const result = await upsertSnapshot(scope, read.snapshot, options);
    if (!result.ok) return failed(result.errors);
    revalidatePath("/", "layout");
    return { seq, stage: "done", done: result.accounts };
  } catch (error) {
    if (error instanceof AppError) return { seq, stage: "input", error: error.code, ...kept };
    throw error;
  }
}

function describePasteProblem(p: PasteProblem, t: Awaited<ReturnType<typeof getT>>): string {
  const vars = { line: p.line, value: p.value ?? "", email: p.email ?? "" };
  return p.key === "noRows" ? t("bulk.paste.noRows") : p.key === "badStatus" ? t("bulk.paste.badStatus", vars) : p.key === "noEmail" ? t("bulk.paste.noEmail", vars) : t("bulk.paste.twice", vars);
}
