import { formatDay, toDay } from "../dates";
import { DEFAULT_RISK_SETTINGS } from "../validation/risk-settings-defaults";
import type { RiskSettings, SellerAccount, Snapshot } from "../validation/snapshot";
import { AccountEvaluationContext, EvaluationIndex } from "./context";
import { collectDeviceUses } from "./device-usage";
import { DeviceUses } from "./device-uses";
import { sortFindings } from "./order";
import { ACCOUNT_RULES, ORGANISATION_RULES } from "./rules";
import { scoreFindings } from "./score";
import type { AccountResult, EvaluationResult, Finding } from "./types";

export interface EvaluateOptions {
  /** The evaluation clock, `YYYY-MM-DD` (a timestamp counts by its UTC date). */
  asOf: string;
  settings?: Partial<RiskSettings>;
}

/** Precedence: explicit option > the snapshot's own settings > defaults. Undefined values do not override. */
export function resolveSettings(...layers: (Partial<RiskSettings> | undefined)[]): RiskSettings {
  const settings: RiskSettings = { ...DEFAULT_RISK_SETTINGS };
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const key of Object.keys(settings) as (keyof RiskSettings)[]) {
      const value = layer[key];
      if (value !== undefined) settings[key] = value;
    }
  }
  return settings;
}

export function evaluateSnapshot(snapshot: Snapshot, options: EvaluateOptions): EvaluationResult {
  const { index, ctx, asOf } = prepare(snapshot, options);

  // Account rules first. The same walk over each account's logins records their device uses, so the
  // device rules below need no second pass over every login of the organisation (one read from memory
  // instead of two: that pass was ~10 % of an evaluation).
  const uses = new DeviceUses(snapshot.accounts.length * 8);
  ctx.recordUses(uses);
  // One working list for all accounts; each result keeps an exact-size copy, because a list grown by push
  // keeps spare capacity (~100 bytes per account) that every result would carry through the GC.
  const working: Finding[] = [];
  const accounts = snapshot.accounts.map((account, accountIndex) => {
    const findings = accountFindings(ctx, account, accountIndex, working);
    return { id: account.id, score: scoreFindings(findings), findings };
  });

  // Device-wide findings, filed under every account they touch, then merged ahead of that account's own
  // findings: the same input order as evaluating them first, and sortFindings is stable, so an account's
  // list is the same.
  index.adoptDeviceUses(uses);
  const { shared, touched } = deviceFindings(index, snapshot.accounts.length);
  for (const accountIndex of touched) {
    const result = accounts[accountIndex];
    const findings = sortFindings(shared[accountIndex]!.concat(result.findings));
    result.findings = findings;
    result.score = scoreFindings(findings);
  }

  return { asOf: formatDay(asOf), accounts };
}

/**
 * evaluateSnapshot's accounts one at a time, in snapshot order, each handed to `visit` complete (device-wide
 * findings merged, score final) and kept by nothing here; answers the evaluation date (YYYY-MM-DD). For a
 * caller that turns each account into output at once (the audit command's table): the findings of an
 * account die young instead of surviving, all 50,000 accounts' worth, to the end of the evaluation, which
 * is what the garbage collector spent its evaluation-time scavenges on (decision 030, stop 29). The price
 * is one more read of every login up front (the device uses, which evaluateSnapshot records during its
 * walk), as the device rules must have run before an account's findings are final. A caller that has them
 * already hands them over as `uses`: exactly what collectDeviceUses(snapshot.accounts) records (the audit
 * command's fast check records them as it walks the logins, decision 098).
 */
export function evaluateEachAccount(snapshot: Snapshot, options: EvaluateOptions, visit: (account: AccountResult, accountIndex: number) => void, uses?: DeviceUses): string {
  const { index, ctx, asOf } = prepare(snapshot, options);
  index.adoptDeviceUses(uses ?? collectDeviceUses(snapshot.accounts));
  const { shared } = deviceFindings(index, snapshot.accounts.length);
  const working: Finding[] = [];
  for (let accountIndex = 0; accountIndex < snapshot.accounts.length; accountIndex++) {
    const account = snapshot.accounts[accountIndex];
    let findings = accountFindings(ctx, account, accountIndex, working);
    const extra = shared[accountIndex];
    if (extra !== undefined) findings = sortFindings(extra.concat(findings));
    visit({ id: account.id, score: scoreFindings(findings), findings }, accountIndex);
  }
  return formatDay(asOf);
}

function prepare(snapshot: Snapshot, options: EvaluateOptions) {
  const asOf = toDay(options.asOf);
  const settings = resolveSettings(snapshot.settings, options.settings);
  const index = new EvaluationIndex(snapshot, asOf, settings);
  return { index, ctx: new AccountEvaluationContext(index), asOf };
}

/** One account's own findings (the account rules), sorted, in an exact-size list of their own. */
function accountFindings(ctx: AccountEvaluationContext, account: SellerAccount, accountIndex: number, working: Finding[]): Finding[] {
  ctx.reset(account, accountIndex);
  working.length = 0;
  for (const rule of ACCOUNT_RULES) rule.evaluate(ctx, working);
  return sortFindings(working).slice();
}

/**
 * The device rules' findings by the position of the account they are filed under (a holey array read costs
 * less than hashing every account's id), in rule order, and the positions that have any, in first-touched
 * order.
 */
function deviceFindings(index: EvaluationIndex, accountCount: number): { shared: (Finding[] | undefined)[]; touched: number[] } {
  const shared = new Array<Finding[] | undefined>(accountCount);
  const touched: number[] = [];
  for (const rule of ORGANISATION_RULES) {
    for (const { accountIndex, finding } of rule.evaluate(index)) {
      const list = shared[accountIndex];
      if (list !== undefined) list.push(finding);
      else {
        shared[accountIndex] = [finding];
        touched.push(accountIndex);
      }
    }
  }
  return { shared, touched };
}
