// Reads a request body up to a limit, counting bytes as they arrive, so an oversize upload is answered
// (with the app's own message) before it is read whole: a declared Content-Length over the limit is
// refused without reading anything, and a body sent without one is refused at the first byte past it.

export type LimitedBody = { ok: true; text: string } | { ok: false; reason: "tooLarge" };

export async function readBodyWithin(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return { ok: false, reason: "tooLarge" };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Whatever is still on its way is discarded by the server, never kept.
      reader.cancel().catch(() => undefined);
      return { ok: false, reason: "tooLarge" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
