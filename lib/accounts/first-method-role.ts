/**
 * The role the add-2SV-method form starts at: a login's first method is its primary one, and a login has one
 * primary method (decision 074), so BACKUP once a primary is recorded. Starting at BACKUP for a login with none
 * made the first method a backup by default (stop 42, finding 12).
 */
export function firstMethodRole(methods: readonly { role: string }[]): "PRIMARY" | "BACKUP" {
  return methods.some((m) => m.role === "PRIMARY") ? "BACKUP" : "PRIMARY";
}
