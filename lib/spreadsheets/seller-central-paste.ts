import type { Login, Person, Snapshot } from "../validation/snapshot";

// The user list as a browser copies it from Seller Central's User Permissions page: rows of name,
// e-mail and status, tab-separated (a table copied from a page), with or without the header row, from
// the Japanese or the English page. Some browsers put each cell on a line of its own: then a user is the
// lines around each e-mail address. Pure; never throws.

export type PastedStatus = "ACTIVE" | "INVITED" | "DISABLED";
export interface PastedUser {
  /** 1-based line of the pasted text (of the e-mail address). */
  line: number;
  name: string;
  email: string;
  status: PastedStatus;
}
export interface PasteProblem {
  line: number;
  key: "noRows" | "badStatus" | "noEmail" | "twice";
  value?: string;
  email?: string;
}

// Bounded parts: a long line without an address is read in linear time, not scanned again from every position.
const EMAIL = /[^\s@<>()"'、,;:]{1,64}@[^\s@<>()"'、,;:.]{1,63}(\.[^\s@<>()"'、,;:.]{1,63}){1,8}/;
const HEADER = /^(name|名前|氏名|ユーザー名|e-?mail( address)?|eメール(アドレス)?|メールアドレス|status|ステータス|状態|権限|permissions?|action|アクション|操作|last (sign-in|login)|最終ログイン)$/i;
const STATUS: [RegExp, PastedStatus][] = [
  [/^(active|有効|アクティブ)/i, "ACTIVE"],
  [/^(pending|invited|invitation|承認待ち|招待中|招待済み|保留中|保留|確認待ち)/i, "INVITED"],
  [/^(disabled|inactive|deactivated|suspended|無効|停止|停止中|非アクティブ)/i, "DISABLED"],
];
/** Words of the page's own buttons and labels that sit in a row but are not data. */
const NOISE = /^(edit|manage permissions|delete|remove|編集|権限を管理|削除|primary user|プライマリーユーザー|アカウント管理者)$/i;

export function readStatus(text: string): PastedStatus | undefined {
  const t = text.normalize("NFKC").trim();
  return STATUS.find(([re]) => re.test(t))?.[1];
}

export function readSellerCentralPaste(text: string): { ok: true; users: PastedUser[] } | { ok: false; problems: PasteProblem[] } {
  // No row of Seller Central's list is anywhere near 4,000 characters: longer lines are read only that far.
  const lines = text.normalize("NFKC").replace(/\r\n?/g, "\n").split("\n").map((l) => l.slice(0, 4_000));
  const tabbed = lines.some((l) => l.includes("\t") && EMAIL.test(l));
  const problems: PasteProblem[] = [];
  const users: PastedUser[] = [];
  const seen = new Set<string>();
  const add = (line: number, name: string, email: string, statusText: string | null) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return void problems.push({ line, key: "twice", email });
    seen.add(key);
    const status = statusText === null ? "ACTIVE" : readStatus(statusText);
    if (!status) return void problems.push({ line, key: "badStatus", value: statusText ?? "" });
    users.push({ line, name: name || email, email, status });
  };
  if (tabbed) {
    lines.forEach((raw, i) => {
      const cells = raw.split("\t").map((c) => c.trim()).filter(Boolean);
      if (cells.length === 0 || cells.every((c) => HEADER.test(c) || NOISE.test(c))) return;
      const at = cells.findIndex((c) => EMAIL.test(c));
      if (at < 0) return void problems.push({ line: i + 1, key: "noEmail" });
      const email = EMAIL.exec(cells[at])![0];
      const name = cells.slice(0, at).filter((c) => !NOISE.test(c) && !readStatus(c)).join(" ") || cells[at].replace(email, "").replace(/[()<>]/g, "").trim();
      const after = cells.slice(at + 1).filter((c) => !NOISE.test(c));
      const statusCell = after.find((c) => readStatus(c)) ?? cells.slice(0, at).find((c) => readStatus(c)) ?? (after[0] ?? null);
      add(i + 1, name, email, statusCell);
    });
  } else {
    // A cell per line: each e-mail line is a user; the name is the line before it, the status the next one that reads as a status.
    lines.forEach((raw, i) => {
      const match = EMAIL.exec(raw);
      if (!match) return;
      const before = lines.slice(0, i).map((l) => l.trim()).filter(Boolean).pop() ?? "";
      const name = before && !EMAIL.test(before) && !HEADER.test(before) && !readStatus(before) && !NOISE.test(before) ? before : raw.replace(match[0], "").replace(/[()<>]/g, "").trim();
      const next = lines.slice(i + 1).map((l) => l.trim()).find((l) => l && !NOISE.test(l)) ?? null;
      add(i + 1, name, match[0], next !== null && !EMAIL.test(next) && readStatus(next) ? next : null);
    });
  }
  if (users.length === 0 && problems.length === 0) problems.push({ line: 0, key: "noRows" });
  return problems.length ? { ok: false, problems } : { ok: true, users };
}

/**
 * One account's snapshot (as exported) with its logins made to match the pasted list: a listed e-mail
 * updates the status of the login with that address (any case) or adds a SECONDARY login (and a person,
 * whom the upsert then matches to an existing one by e-mail, lib/snapshots/match-people.ts); a login the
 * list no longer shows is marked REMOVED (its record and history stay). The primary login is never
 * touched by its absence: Seller Central never removes a primary user.
 */
export function applyPasteToAccount(stored: Snapshot, users: PastedUser[]): Snapshot {
  const [account] = stored.accounts;
  const listed = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const people: Person[] = [...stored.people];
  const ids = new Set(account.logins.map((l) => l.id));
  const logins: Login[] = account.logins.map((login) => {
    const user = login.email ? listed.get(login.email.toLowerCase()) : undefined;
    if (user) {
      listed.delete(login.email!.toLowerCase());
      return login.role === "PRIMARY" && user.status !== "ACTIVE" ? login : { ...login, status: user.status };
    }
    return login.role === "PRIMARY" || login.status === "REMOVED" ? login : { ...login, status: "REMOVED" };
  });
  for (const user of listed.values()) {
    const key = user.email.toLowerCase();
    const personId = key;
    if (!people.some((p) => p.id === personId)) people.push({ id: personId, name: user.name, external: false, company: null, departedAt: null });
    let id = key;
    for (let n = 2; ids.has(id); n++) id = `${key}#${n}`;
    ids.add(id);
    logins.push({
      id, role: "SECONDARY", email: user.email, personId, usedBy: [personId], status: user.status, invitedAt: null, acceptedAt: null, lastLoginAt: null,
      passwordChangedAt: null, passwordReused: false, twoStep: [], permissions: [],
    });
  }
  return { ...stored, people, accounts: [{ ...account, logins }] };
}
