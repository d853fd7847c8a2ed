/**
 * Auth.js's session cookie: `authjs.session-token` over HTTP, `__Secure-authjs.session-token` behind
 * HTTPS (the name real deployments use), and either with `.0`, `.1` … when Auth.js chunks a large token.
 */
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE.test(name);
}
