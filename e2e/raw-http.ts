import http from "node:http";

// Requests from a chosen local address: the app sees that address as the TCP peer (any 127.x address is
// the machine itself on Linux), so a spec can lock out "another client" without locking out the browser.

export const PORT = Number(process.env.E2E_PORT ?? 3210);

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(options: { method: string; path: string; from: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !options.chunked) headers["content-length"] = String(Buffer.byteLength(options.body));
    const req = http.request({ host: "127.0.0.1", port: PORT, method: options.method, path: options.path, headers, localAddress: options.from }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may answer and close before a large body is sent whole: that is the point of some specs.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (options.body !== undefined) {
      if (options.chunked) {
        const body = Buffer.from(options.body);
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

const cookiePairs = (res: RawResponse) => ([] as string[]).concat(res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** One sign-in attempt through Auth.js's own endpoint, as a script would make it (CSRF token included). */
export async function credentialsAttempt(from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const csrf = await rawRequest({ method: "GET", path: "/api/auth/csrf", from, headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken }).toString();
  return rawRequest({
    method: "POST", path: "/api/auth/callback/credentials", from, body,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
  });
}
