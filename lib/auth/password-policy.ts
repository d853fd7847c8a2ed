import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validation/limits";

// Gatehouse's own passwords: at least 12 characters, not on the shipped common/breached-password list
// (zxcvbn-ts's ~30k most common passwords), and estimated strong enough (zxcvbn score ≥ 3).

export { MIN_PASSWORD_LENGTH };
export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal" | "weak";

let estimator: ZxcvbnFactory | undefined;
const commonPasswords = new Set(common.dictionary["passwords-common"]);

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return estimator;
}

/** Null when acceptable; `userInputs` (e-mail, name) count against the password. */
export function passwordProblem(password: string, userInputs: string[] = []): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (commonPasswords.has(password.toLowerCase())) return "common";
  // Split "sato.hana@example.jp" into its words so a password made of them is recognised.
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  // Mostly made of the user's own name or e-mail: what is left after removing those words is short.
  let rest = password.toLowerCase();
  for (const word of words) rest = rest.split(word).join("");
  if (words.length > 0 && rest.replace(/[^\p{L}\p{N}]/gu, "").length < 6) return "personal";
  return zxcvbn().check(password, [...userInputs, ...words]).score >= 3 ? null : "weak";
}
