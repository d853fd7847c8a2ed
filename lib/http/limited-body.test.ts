import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./limited-body";

function streamOf(chunks: number, size: number, onPull: () => void = () => undefined): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      onPull();
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

const post = (body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/import", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("reading a body within a limit", () => {
  it("returns a body at the limit as text (UTF-8)", async () => {
    expect(await readBodyWithin(post("日本語"), 9)).toEqual({ ok: true, text: "日本語" });
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    let pulls = 0;
    const result = await readBodyWithin(post(streamOf(10, 1024, () => pulls++), { "content-length": String(10 * 1024) }), 5 * 1024);
    expect(result).toEqual({ ok: false, reason: "tooLarge" });
    expect(pulls).toBeLessThanOrEqual(1); // the stream's own first pull, nothing read by us
  });

  it("stops at the first chunk past the limit when no length is declared", async () => {
    let pulls = 0;
    const result = await readBodyWithin(post(streamOf(1000, 1024, () => pulls++)), 5 * 1024);
    expect(result).toEqual({ ok: false, reason: "tooLarge" });
    expect(pulls).toBeLessThan(10);
  });
});
