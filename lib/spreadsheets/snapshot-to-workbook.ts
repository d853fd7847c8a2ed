import type { Snapshot } from "../validation/snapshot";
import { ACCOUNT_STATUS, PLAN } from "./cells";
import { CONSOLE, DEVICE_KIND, METHOD_ROLE, TWO_STEP_KIND } from "./kind-rows";
import { COLUMNS } from "./logins-columns";
import { KIND_COLUMNS, SHEET_KINDS, SHEET_NAMES, type SheetKind } from "./sheet-kinds";
import { snapshotToLoginRows } from "./snapshot-to-sheet";

// A snapshot as the bulk workbook (decision 022): every kind on its own sheet, headers and labels in one
// language, so an export edited in Excel imports back with nothing lost. The logins sheet leaves its
// 2SV column empty: the 2SV sheet lists each method with its device.

type Lang = "ja" | "en";
const label = <T extends string>(labels: Record<T, readonly string[]>, code: T, lang: Lang) => (lang === "ja" ? labels[code][0] : code);
const yes = (value: boolean, lang: Lang) => (lang === "ja" ? (value ? "はい" : "いいえ") : value ? "yes" : "no");

function table(kind: Exclude<SheetKind, "logins">, lang: Lang, records: Record<string, string | null | undefined>[]): string[][] {
  const columns = KIND_COLUMNS[kind];
  return [columns.map((c) => c[lang]), ...records.map((r) => columns.map((c) => r[c.key] ?? ""))];
}

export function snapshotToWorkbook(snapshot: Snapshot, lang: Lang): { kind: SheetKind; name: string; rows: string[][] }[] {
  const logins = snapshotToLoginRows(snapshot, lang);
  const twoStepColumn = COLUMNS.findIndex((c) => c.key === "twoStep");
  for (const row of logins.slice(1)) row[twoStepColumn] = "";
  const accounts = snapshot.accounts;
  const sheets: Record<SheetKind, string[][]> = {
    accounts: table("accounts", lang, accounts.map((a) => ({
      accountId: a.id, storeName: a.storeName, sellerId: a.sellerId, region: a.region, marketplaces: a.marketplaces.join(" "), plan: label(PLAN, a.plan, lang),
      accountStatus: label(ACCOUNT_STATUS, a.status, lang), lastVerifiedAt: a.lastVerifiedAt,
    }))),
    logins,
    people: table("people", lang, snapshot.people.map((p) => ({ personId: p.id, name: p.name, external: yes(p.external, lang), company: p.company, departedAt: p.departedAt }))),
    devices: table("devices", lang, snapshot.devices.map((d) => ({ deviceId: d.id, deviceKind: label(DEVICE_KIND, d.kind, lang), label: d.label, holderId: d.holderId, skipOtpOnBrowser: yes(d.skipOtpOnBrowser, lang) }))),
    twoStep: table("twoStep", lang, accounts.flatMap((a) => a.logins.flatMap((l) => l.twoStep.map((m) => ({
      accountId: a.id, loginId: l.id, email: l.email, method: label(TWO_STEP_KIND, m.kind, lang), methodRole: label(METHOD_ROLE, m.role, lang), phone: m.phoneLast4, deviceId: m.deviceId,
    }))))),
    partners: table("partners", lang, accounts.flatMap((a) => a.partners.map((p) => ({ accountId: a.id, partnerId: p.id, company: p.company, linkSentAt: p.linkSentAt, acceptedAt: p.acceptedAt })))),
    apps: table("apps", lang, accounts.flatMap((a) => a.apps.map((p) => ({
      accountId: a.id, appId: p.id, appName: p.name, developer: p.developer, authorizedAt: p.authorizedAt, expiresAt: p.expiresAt,
    })))),
    otherAccess: table("otherAccess", lang, accounts.flatMap((a) => a.otherAccess.map((o) => ({ accountId: a.id, personId: o.personId, console: label(CONSOLE, o.console, lang), consoleRole: o.role })))),
  };
  return SHEET_KINDS.map((kind) => ({ kind, name: SHEET_NAMES[kind][lang], rows: sheets[kind] }));
}
