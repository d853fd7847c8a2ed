import { describe, expect, it } from "vitest";
import { readBodyCapped } from "./read-body";

const streamOf = (chunks: number[], pulled: { count: number }) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled.count++];
      if (next === undefined) controller.close();
      else controller.enqueue(new Uint8Array(next).fill(65));
    },
  }, { highWaterMark: 0 });

describe("readBodyCapped", () => {
  it("reads a body up to the cap exactly", async () => {
    const read = await readBodyCapped(new Request("http://x/", { method: "POST", body: "a".repeat(10) }), 10);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe("a".repeat(10));
  });

  it("refuses a declared length over the cap without reading the body", async () => {
    const pulled = { count: 0 };
    const request = new Request("http://x/", { method: "POST", body: streamOf([5, 5], pulled), headers: { "content-length": "11" }, duplex: "half" } as RequestInit);
    expect(await readBodyCapped(request, 10)).toEqual({ ok: false });
    expect(pulled.count).toBe(0);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const pulled = { count: 0 };
    const request = new Request("http://x/", { method: "POST", body: streamOf([6, 6, 6, 6, 6], pulled), duplex: "half" } as RequestInit);
    expect(await readBodyCapped(request, 10)).toEqual({ ok: false });
    expect(pulled.count).toBeLessThan(5);
  });

  it("reads an empty body as no bytes", async () => {
    const read = await readBodyCapped(new Request("http://x/", { method: "POST" }), 10);
    expect(read).toEqual({ ok: true, bytes: new Uint8Array() });
  });
});
