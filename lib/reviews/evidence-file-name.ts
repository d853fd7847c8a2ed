import { CONTROL_CLASS } from "@/lib/validation/text-rules";

// The evidence pack's download name (decision 090): `<campaign>[-<client>]-<date>-<lang>.<ext>`, as reports are named
// `<client>-<date>-<lang>`. Every pack used to be `gatehouse-access-review-<date>`, so two campaigns exported the
// same day overwrote each other in a Downloads folder. Names are typed by people: what a file system refuses
// (/ \ : * ? " < > | and control characters) becomes "_", and the ASCII form (the header's plain `filename`) keeps
// only letters, digits, "." and "-" for older clients; `filename*` carries the rest.

const FORBIDDEN = new RegExp(`[${CONTROL_CLASS}/\\\\:*?"<>|]+`, "g");
const PART_MAX = 80;

const part = (value: string) => Array.from(value.replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "")).slice(0, PART_MAX).join("").trim();

export function evidenceFileName(input: { campaignName: string; clientName?: string | null; generatedAt: Date; locale: string; extension: string }): { name: string; ascii: string } {
  const parts = [part(input.campaignName), input.clientName ? part(input.clientName) : "", input.generatedAt.toISOString().slice(0, 10), input.locale].filter(Boolean);
  const name = `${parts.join("-")}.${input.extension}`;
  const ascii = name.replace(/[^\w.-]+/g, "_");
  return { name, ascii };
}

/** The Content-Disposition of a download so named. */
export const attachment = ({ name, ascii }: { name: string; ascii: string }) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
