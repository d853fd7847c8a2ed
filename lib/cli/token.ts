import { register } from "node:module";
import type { TokenIO } from "./token-create";

/**
 * `gatehouse token …` outside Next: lib/db marks itself `server-only` so no client bundle can import
 * it. A command is not a bundle, so that marker is resolved to an empty module here before lib/db is
 * loaded (the audit command never loads lib/db).
 */
export async function runTokenCli(argv: readonly string[], io: TokenIO): Promise<number> {
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const { runTokenCommand } = await import("./token-create");
  return runTokenCommand(argv, io);
}
