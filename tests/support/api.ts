// Calls /api/v1 route handlers directly with a real Request, as Next does once it has matched the
// route: the same handler, wrapper and database, without an HTTP server in between.
export type RouteHandler = (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

export interface ApiCall {
  method?: "GET" | "POST";
  path: string;
  token?: string | null;
  body?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

export async function callApi(handler: RouteHandler, call: ApiCall): Promise<ApiAnswer> {
  const headers: Record<string, string> = { "x-forwarded-for": "203.0.113.7", ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const request = new Request(`http://gatehouse.test${call.path}`, {
    method: call.method ?? "GET",
    headers,
    body: call.body,
    ...(call.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: left undefined for the test to notice
  }
  return { status: response.status, text, json, headers: response.headers };
}

export const errorCode = (answer: ApiAnswer) => (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
