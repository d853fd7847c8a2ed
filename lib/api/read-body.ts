// Request bodies are read with a cap: a declared Content-Length over it is refused before reading, and
// a body without one (chunked) is refused as soon as the bytes read pass the cap, so a caller cannot
// make the server hold more than `cap` bytes of it.

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false };

export async function readBodyCapped(request: Request, cap: number): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > cap) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
