import type { Login, Snapshot } from "../validation/snapshot";
import { ACCOUNT_STATUS, LEVEL, LOGIN_ROLE, LOGIN_STATUS, METHOD, PLAN } from "./cells";
import { COLUMNS } from "./logins-columns";

// A snapshot in the logins sheet's layout (the import template's), so an export edited in Excel imports
// back: one row per login and marketplace of its permissions, external ids in the id columns, labels in
// the header's language. What the sheet cannot hold (partners, apps, other access, other users of a
// login, which device carries a method) is kept as stored when it is imported back (loginsOnly).

type Lang = "ja" | "en";

const label = <T extends string>(labels: Record<T, readonly string[]>, code: T, lang: Lang) => (lang === "ja" ? labels[code][0] : code);
const yes = (value: boolean, lang: Lang) => (lang === "ja" ? (value ? "はい" : "いいえ") : value ? "yes" : "no");

function twoStepCell(login: Login, lang: Lang): string {
  // The reader's rule (cells.ts readTwoStep): the first method is primary unless a later one is marked so.
  // Only a method that rule would get wrong says its role, so every role reads back as stored.
  const laterPrimary = login.twoStep.slice(1).some((m) => m.role === "PRIMARY");
  return login.twoStep
    .map((m, i) => {
      const text = `${label(METHOD, m.kind, lang)}${m.phoneLast4 ? `:${m.phoneLast4}` : ""}`;
      const positional = i === 0 && !laterPrimary ? "PRIMARY" : "BACKUP";
      return m.role === positional ? text : `${text} (${m.role})`;
    })
    .join("; ");
}

export function snapshotToLoginRows(snapshot: Snapshot, lang: Lang): string[][] {
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const rows: string[][] = [COLUMNS.map((c) => c[lang])];
  for (const account of snapshot.accounts) {
    for (const login of account.logins) {
      const person = people.get(login.personId);
      // A row holds one level per tool: a login's grants go on rows by marketplace, and a second grant of
      // the same tool and marketplace (a snapshot may hold one) on a further row of its own.
      const layers: { marketplace: string; grants: Login["permissions"] }[] = [{ marketplace: "", grants: [] }];
      for (const g of login.permissions) {
        const marketplace = g.marketplace ?? "";
        let layer = layers.find((r) => r.marketplace === marketplace && !r.grants.some((x) => x.tool === g.tool));
        if (!layer) layers.push((layer = { marketplace, grants: [] }));
        layer.grants.push(g);
      }
      let first = true;
      for (const { marketplace, grants } of layers) {
        if (!first && grants.length === 0) continue;
        const cell: Record<string, string> = {
          accountId: account.id, storeName: account.storeName, loginId: login.id, role: label(LOGIN_ROLE, login.role, lang), status: label(LOGIN_STATUS, login.status, lang),
          email: login.email ?? "", personId: login.personId, permissionMarketplace: marketplace,
        };
        if (first)
          Object.assign(cell, {
            sellerId: account.sellerId ?? "", region: account.region, marketplaces: account.marketplaces.join(" "), plan: label(PLAN, account.plan, lang),
            accountStatus: label(ACCOUNT_STATUS, account.status, lang), lastVerifiedAt: account.lastVerifiedAt ?? "",
            name: person?.name ?? "", external: yes(person?.external ?? false, lang), company: person?.company ?? "", departedAt: person?.departedAt ?? "",
            invitedAt: login.invitedAt ?? "", acceptedAt: login.acceptedAt ?? "", lastLoginAt: login.lastLoginAt ?? "", passwordChangedAt: login.passwordChangedAt ?? "",
            passwordReused: yes(login.passwordReused, lang), twoStep: twoStepCell(login, lang), usedBy: login.usedBy.filter((p) => p !== login.personId).join(" "),
          });
        for (const g of grants) cell[`tool:${g.tool}`] = label(LEVEL, g.level, lang);
        rows.push(COLUMNS.map((c) => cell[c.key] ?? ""));
        first = false;
      }
    }
  }
  return rows;
}
