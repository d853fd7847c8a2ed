import { formatDay, toDay } from "../dates";
import { DEFAULT_RISK_SETTINGS, type RiskSettings, type Snapshot } from "../validation/snapshot";
import { AccountEvaluationContext, EvaluationIndex } from "./context";
import { DeviceUses } from "./device-uses";
import { sortFindings } from "./order";
import { ACCOUNT_RULES, ORGANISATION_RULES } from "./rules";
import { scoreFindings } from "./score";
import type { EvaluationResult, Finding } from "./types";

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
  const asOf = toDay(options.asOf);
  const settings = resolveSettings(snapshot.settings, options.settings);
  const index = new EvaluationIndex(snapshot, asOf, settings);

  // Account rules first. The same walk over each account's logins records their device uses, so the
  // device rules below need no second pass over every login of the organisation (one read from memory
  // instead of two: that pass was ~10 % of an evaluation).
  const uses = new DeviceUses(snapshot.accounts.length * 8);
  const ctx = new AccountEvaluationContext(index, uses);
  // One working list for all accounts; each result keeps an exact-size copy, because a list grown by push
  // keeps spare capacity (~100 bytes per account) that every result would carry through the GC.
  const working: Finding[] = [];
  const accounts = snapshot.accounts.map((account, accountIndex) => {
    ctx.reset(account, accountIndex);
    working.length = 0;
    for (const rule of ACCOUNT_RULES) rule.evaluate(ctx, working);
    const findings = sortFindings(working).slice();
    return { id: account.id, score: scoreFindings(findings), findings };
  });

  // Device-wide findings, filed under every account they touch by its position (a holey array read costs
  // less than hashing every account's id), then merged ahead of that account's own findings: the same
  // input order as evaluating them first, and sortFindings is stable, so an account's list is the same.
  index.adoptDeviceUses(uses);
  const shared = new Array<Finding[] | undefined>(snapshot.accounts.length);
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
  for (const accountIndex of touched) {
    const result = accounts[accountIndex];
    const findings = sortFindings(shared[accountIndex]!.concat(result.findings));
    result.findings = findings;
    result.score = scoreFindings(findings);
  }

  return { asOf: formatDay(asOf), accounts };
}
