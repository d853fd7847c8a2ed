import { connect } from "node:net";
import { expect, test } from "@playwright/test";

// Decision 073: the server keeps an idle connection longer than a proxy or client would, so it is never
// the side that closes a connection as the other reuses it (a reset, seen by users as a 502).

/** Sends one GET on an open socket and resolves with the status line and headers of its answer. */
function get(socket: ReturnType<typeof connect>, host: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(received.slice(0, end));
      const complete = length ? received.length >= end + 4 + Number(length[1]) : received.endsWith("\r\n0\r\n\r\n");
      if (complete) {
        socket.off("data", onData);
        resolve(received.slice(0, end));
      }
    };
    socket.on("data", onData);
    socket.once("close", () => reject(new Error(`the server closed the connection; received: ${received.slice(0, 200)}`)));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

test("an idle connection is kept past Node's 5 s default: a second request on it after 6 s is answered", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const url = new URL(baseURL!);
  const socket = connect(Number(url.port), "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  try {
    const first = await get(socket, url.host, "/api/health");
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    // What a proxy or a keep-alive client reads to know how long it may hold the connection.
    expect(first).toMatch(/\r\nkeep-alive: timeout=65\r\n/i);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(socket.destroyed).toBe(false);
    expect(await get(socket, url.host, "/api/health")).toMatch(/^HTTP\/1\.1 200/);
  } finally {
    socket.destroy();
  }
});
