import { describe, expect, it } from "vitest";
import { matchClients } from "./client-search";

const clients = ["Client 12", "Client 120", "Kumo Books", "Sakura Foods", "Client 1", "Ｋｕｍｏ Outlet", "Big client"].map((name, i) => ({ id: `c${i}`, name }));
const names = (text: string, limit?: number) => matchClients(clients, text, limit).map((c) => c.name);

describe("matchClients", () => {
  it("finds names containing the text, ignoring case", () => {
    expect(names("sakura")).toEqual(["Sakura Foods"]);
    expect(names("BOOKS")).toEqual(["Kumo Books"]);
  });

  it("ranks names that start with the text first, then shorter names", () => {
    expect(names("client 1")).toEqual(["Client 1", "Client 12", "Client 120"]);
    expect(names("client")).toEqual(["Client 1", "Client 12", "Client 120", "Big client"]);
  });

  it("matches full-width letters typed in a Japanese input method", () => {
    expect(names("kumo")).toEqual(["Kumo Books", "Ｋｕｍｏ Outlet"]);
  });

  it("lists the first clients by name when nothing is typed, up to the limit", () => {
    expect(names("  ", 3)).toEqual(["Big client", "Client 1", "Client 12"]);
    expect(names("", 100)).toHaveLength(clients.length);
  });

  it("returns nothing when no name matches", () => {
    expect(names("zzz")).toEqual([]);
  });
});
