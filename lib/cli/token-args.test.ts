import { describe, expect, it } from "vitest";
import { parseTokenArgs } from "./token-create";

describe("gatehouse token create: arguments", () => {
  it("reads --org, --name and --scope, as separate values or with =", () => {
    expect(parseTokenArgs(["create", "--org", "Kaede Commerce", "--name", "nightly", "--scope", "read"])).toEqual({ org: "Kaede Commerce", name: "nightly", scope: "read" });
    expect(parseTokenArgs(["create", "--org=Kaede", "--name= ci ", "--scope=write"])).toEqual({ org: "Kaede", name: "ci", scope: "write" });
  });

  it("says what is wrong: a bad scope, a missing option or value, an unknown option or subcommand", () => {
    const error = (argv: string[]) => (parseTokenArgs(argv) as { error: string }).error;
    expect(error(["create", "--org", "K", "--name", "n", "--scope", "admin"])).toMatch(/--scope: expected read or write, got "admin"/);
    expect(error(["create", "--org", "K", "--scope", "read"])).toBe("--name is required");
    expect(error(["create", "--org", "--name", "n", "--scope", "read"])).toBe("--org needs a value");
    expect(error(["create", "--org", "K", "--name", "n", "--scope", "read", "--client", "x"])).toMatch(/unknown option/);
    expect(error(["delete"])).toMatch(/unknown token subcommand/);
    expect(error([])).toMatch(/needs a subcommand/);
    expect(error(["create", "--org", "K", "--name", "x".repeat(101), "--scope", "read"])).toMatch(/at most 100/);
    expect(parseTokenArgs(["create", "--help"])).toEqual({ help: true });
  });
});
