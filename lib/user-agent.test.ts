import { describe, expect, it } from "vitest";
import { interpolate } from "@/lib/i18n/format";
import { messages, type MessageKey } from "@/lib/i18n/messages";
import { describeUserAgent, summariseUserAgent } from "./user-agent";

const UA = {
  chromeLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36",
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.7390.37 Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.3595.53",
  opera: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 OPR/124.0.0.0",
  firefoxMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
  chromeIpad: "Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/142.0.7444.46 Mobile/15E148 Safari/604.1",
  samsung: "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
  chromebook: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  iosWebView: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  curl: "curl/8.14.1",
};

describe("summariseUserAgent", () => {
  it.each([
    [UA.chromeLinux, "Chrome", "142", "Linux"],
    [UA.chromeWindows, "Chrome", "142", "Windows"],
    [UA.headless, "Chrome", "141", "Linux"],
    [UA.edge, "Edge", "142", "Windows"],
    [UA.opera, "Opera", "124", "macOS"],
    [UA.firefoxMac, "Firefox", "145", "macOS"],
    [UA.safariMac, "Safari", "18", "macOS"],
    [UA.safariIphone, "Safari", "18", "iPhone"],
    [UA.chromeIpad, "Chrome", "142", "iPad"],
    [UA.samsung, "Samsung Internet", "28", "Android"],
    [UA.chromeAndroid, "Chrome", "142", "Android"],
    [UA.chromebook, "Chrome", "142", "ChromeOS"],
  ])("%s", (ua, browser, version, os) => {
    expect(summariseUserAgent(ua)).toEqual({ browser, version, os });
  });

  it("names no browser for an app's web view, a script or nothing at all", () => {
    expect(summariseUserAgent(UA.iosWebView)).toEqual({ browser: null, version: null, os: "iPhone" });
    expect(summariseUserAgent(UA.curl)).toEqual({ browser: null, version: null, os: null });
    expect(summariseUserAgent(null)).toEqual({ browser: null, version: null, os: null });
    expect(summariseUserAgent("")).toEqual({ browser: null, version: null, os: null });
  });
});

describe("describeUserAgent", () => {
  const tIn = (locale: "ja" | "en") => (key: MessageKey, vars?: Record<string, string>) => interpolate(messages[locale][key], vars);

  it("says browser, version and system in a sentence of the reader's language", () => {
    expect(describeUserAgent(UA.chromeLinux, tIn("en"))).toBe("Chrome 142 on Linux");
    expect(describeUserAgent(UA.safariIphone, tIn("en"))).toBe("Safari 18 on iPhone");
    expect(describeUserAgent(UA.chromeLinux, tIn("ja"))).toBe("Chrome 142（Linux）");
  });

  it("says so when the browser is unknown, keeping the system when it is known", () => {
    expect(describeUserAgent(UA.curl, tIn("en"))).toBe("Unknown browser");
    expect(describeUserAgent(null, tIn("ja"))).toBe("不明なブラウザ");
    expect(describeUserAgent(UA.iosWebView, tIn("en"))).toBe("Unknown browser on iPhone");
  });
});
