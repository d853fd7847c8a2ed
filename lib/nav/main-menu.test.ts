import { describe, expect, it } from "vitest";
import type { Translate } from "@/lib/i18n/server";
import { mainMenu } from "./main-menu";

const t = ((key: string) => `<${key}>`) as Translate;
const hrefs = (scope: Parameters<typeof mainMenu>[0]) => mainMenu(scope, t).map((link) => link.href);
const portal = { agencyName: "Agency" };

describe("mainMenu", () => {
  it("gives an Owner or Admin every link, in the header's order, each with its label", () => {
    const all = ["/", "/accounts", "/people", "/rules", "/reviews", "/tasks", "/settings", "/clients", "/import", "/members", "/security"];
    expect(hrefs({ role: "OWNER", portal: null })).toEqual(all);
    expect(hrefs({ role: "ADMIN", portal: null })).toEqual(all);
    expect(mainMenu({ role: "OWNER", portal: null }, t)[1]).toEqual({ href: "/accounts", label: "<nav.accounts>" });
  });

  it("leaves clients, import and members out for other roles", () => {
    for (const role of ["MANAGER", "VIEWER"] as const) {
      expect(hrefs({ role, portal: null })).toEqual(["/", "/accounts", "/people", "/rules", "/reviews", "/tasks", "/settings", "/security"]);
    }
  });

  it("leaves settings and clients out in a client-owner portal", () => {
    expect(hrefs({ role: "OWNER", portal })).toEqual(["/", "/accounts", "/people", "/rules", "/reviews", "/tasks", "/import", "/members", "/security"]);
    expect(hrefs({ role: "MANAGER", portal })).toEqual(["/", "/accounts", "/people", "/rules", "/reviews", "/tasks", "/security"]);
  });
});
