// Messages may carry an ICU-style plural block, `{count, plural, one {# account} other {# accounts}}`:
// the branch is chosen by Intl.PluralRules for the locale (`=N` exact matches first), and `#` inside it
// becomes the value as given. Japanese has no plural forms, so its messages use plain `{count}`.
const PLURAL_START = /\{(\w+),\s*plural,\s*/g;

const rulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** The number a variable stands for; a preformatted "1,234" counts too. NaN when it is not a number. */
function toNumber(value: string | number): number {
  if (typeof value === "number") return value;
  const trimmed = value.replace(/[,\s]/g, "");
  return trimmed === "" ? NaN : Number(trimmed);
}

/** The branches of a plural block whose body starts at `pos`, and the index just past its closing brace. */
function parseBranches(s: string, pos: number): { branches: Map<string, string>; end: number } | null {
  const branches = new Map<string, string>();
  for (;;) {
    while (pos < s.length && /\s/.test(s[pos])) pos++;
    if (s[pos] === "}") return { branches, end: pos + 1 };
    const selector = /^(=\d+|\w+)\s*\{/.exec(s.slice(pos));
    if (!selector) return null;
    pos += selector[0].length;
    const start = pos;
    let depth = 1;
    for (; pos < s.length && depth > 0; pos++) {
      if (s[pos] === "{") depth++;
      else if (s[pos] === "}") depth--;
    }
    if (depth > 0) return null;
    branches.set(selector[1], s.slice(start, pos - 1));
  }
}

/** The plural category Intl.PluralRules gives `count` in `locale` ("one", "other", …). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return pluralRules(locale).select(count);
}

function replacePlurals(template: string, vars: Record<string, string | number>, locale: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    PLURAL_START.lastIndex = i;
    const m = PLURAL_START.exec(template);
    if (!m) return out + template.slice(i);
    const parsed = parseBranches(template, m.index + m[0].length);
    if (!parsed) return out + template.slice(i);
    const value = vars[m[1]];
    const n = value === undefined ? NaN : toNumber(value);
    const branch = Number.isNaN(n)
      ? undefined
      : (parsed.branches.get(`=${n}`) ?? parsed.branches.get(pluralCategory(n, locale)) ?? parsed.branches.get("other"));
    // An unknown or non-numeric value leaves the block as it is, like a missing plain placeholder, so a
    // client component can still fill it in later.
    out += template.slice(i, m.index) + (branch === undefined ? template.slice(m.index, parsed.end) : branch.replace(/#/g, String(value)));
    i = parsed.end;
  }
}

/**
 * Replaces {name} placeholders and chooses plural branches; a missing variable stays visible rather than
 * silently vanishing. `locale` picks the plural rules (only English messages use plural blocks).
 */
export function interpolate(template: string, vars?: Record<string, string | number>, locale = "en"): string {
  if (!vars) return template;
  const withPlurals = template.includes("plural,") ? replacePlurals(template, vars, locale) : template;
  return withPlurals.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
