import type { MessageKey } from "@/lib/i18n/messages";

/** What a User-Agent header says, reduced to what a person recognises: browser, major version, system. */
export interface UserAgentSummary {
  /** null when no known browser is named (a script, a crawler, an empty header). */
  browser: string | null;
  version: string | null;
  os: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome/", Chrome also says "Safari/",
// and every browser on iOS is WebKit naming itself with its own token (CriOS, FxiOS, EdgiOS).
const BROWSERS: [name: string, pattern: RegExp][] = [
  ["Edge", /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/],
  ["Opera", /\b(?:OPR|OPiOS)\/(\d+)/],
  ["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
  ["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /\b(?:Chrome|CriOS|HeadlessChrome|Chromium)\/(\d+)/],
  ["Safari", /\bVersion\/(\d+)(?:[.\d]*)? (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ["iPhone", /\biPhone\b/],
  ["iPad", /\biPad\b/],
  ["Android", /\bAndroid\b/],
  ["ChromeOS", /\bCrOS\b/],
  ["Windows", /\bWindows\b/],
  ["macOS", /\bMacintosh\b|\bMac OS X\b/],
  ["Linux", /\bLinux\b|\bX11\b/],
];

export function summariseUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  const ua = (userAgent ?? "").trim();
  let browser: string | null = null;
  let version: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = name;
      version = match[1] ?? null;
      break;
    }
  }
  const os = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  return { browser, version, os };
}

/** "Chrome 142 on Linux", "Safari 17 on iPhone", "Unknown browser", in the reader's language. */
export function describeUserAgent(userAgent: string | null | undefined, t: (key: MessageKey, vars?: Record<string, string>) => string): string {
  const { browser, version, os } = summariseUserAgent(userAgent);
  const name = browser ? (version ? `${browser} ${version}` : browser) : t("security.unknownBrowser");
  return os ? t("security.browserOn", { browser: name, os }) : name;
}
