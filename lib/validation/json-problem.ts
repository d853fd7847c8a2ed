import type { SnapshotError } from "./snapshot";

/**
 * JSON.parse's complaint as a snapshot problem at "(root)", with the line and column of its "at position N": the one
 * problem the command and the API give for a file that is not JSON (decision 094).
 */
export function jsonProblemOf(error: unknown, text: string): SnapshotError {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return { path: "(root)", message: `expected valid JSON: ${message}` };
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return { path: "(root)", message: `expected valid JSON: ${message} (line ${line}, column ${column})`, reason: { key: "notJsonAt", vars: { line, column } } };
}
