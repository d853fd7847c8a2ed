import { formatDay, toDay } from "../dates";
import { DEFAULT_RISK_SETTINGS, type RiskSettings, type Snapshot } from "../validation/snapshot";
import { AccountEvaluationContext, EvaluationIndex } from "./context";
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

  // Device-wide findings first, filed under every account they touch by its position (a holey array
  // read costs less than hashing every account's id).
  const shared = new Array<Finding[] | undefined>(snapshot.accounts.length);
  for (const rule of ORGANISATION_RULES) {
    for (const { accountIndex, finding } of rule.evaluate(index)) {
      const list = shared[accountIndex];
      if (list === undefined) shared[accountIndex] = [finding];
      else list.push(finding);
    }
  }

  const ctx = new AccountEvaluationContext(index);
  const accounts = snapshot.accounts.map((account, accountIndex) => {
    ctx.reset(account);
    const findings = shared[accountIndex] ?? [];
    for (const rule of ACCOUNT_RULES) {
      for (const finding of rule.evaluate(ctx)) findings.push(finding);
    }
    sortFindings(findings);
    return { id: account.id, score: scoreFindings(findings), findings };
  });

  return { asOf: formatDay(asOf), accounts };
}
