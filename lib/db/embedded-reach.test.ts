import { describe, expect, it } from "vitest";
import { canReach, canSearch, relocationName } from "./embedded-reach";

const postgres = { uid: 101, gids: [104, 103] };
const dir = (mode: number, uid = 0, gid = 0) => ({ mode: 0o40000 | mode, uid, gid });

describe("whether the postgres user can reach a path", () => {
  it("reads the x bit that applies: owner, then group, then others", () => {
    expect(canSearch(dir(0o700), postgres)).toBe(false);
    expect(canSearch(dir(0o755), postgres)).toBe(true);
    expect(canSearch(dir(0o710, 0, 104), postgres)).toBe(true);
    expect(canSearch(dir(0o700, 101, 0), postgres)).toBe(true);
    expect(canSearch(dir(0o601, 101, 0), postgres)).toBe(false); // the owner's own bits decide for the owner
  });

  it("refuses a path under a mode-700 directory, such as a clone in /root", () => {
    const tree: Record<string, ReturnType<typeof dir>> = { "/": dir(0o755), "/root": dir(0o700), "/root/shop": dir(0o755), "/root/shop/.gatehouse": dir(0o755) };
    const stat = (p: string) => tree[p] ?? null;
    expect(canReach("/root/shop/.gatehouse", postgres, stat)).toBe(false);
    tree["/root"] = dir(0o755);
    expect(canReach("/root/shop/.gatehouse", postgres, stat)).toBe(true);
    expect(canReach("/root/shop/.gatehouse/not-yet", postgres, stat)).toBe(true);
  });

  it("names a relocated data directory by its original path, stably", () => {
    expect(relocationName("/root/shop/.gatehouse")).toBe(relocationName("/root/shop/.gatehouse"));
    expect(relocationName("/root/shop/.gatehouse")).not.toBe(relocationName("/root/other/.gatehouse"));
    expect(relocationName("/root/shop/.gatehouse")).toMatch(/^[0-9a-f]{16}$/);
  });
});
