// A TCP proxy in front of PostgreSQL that records every statement the app sends (bench/web.ts): it reads
// the frontend protocol (simple Query, and Parse/Bind/Execute of the extended protocol node-postgres
// uses) and times each statement from its Execute to the server's CommandComplete. Used only while
// counting statements; throughput is measured with the app connected to PostgreSQL directly.
import { createServer, connect, type Server, type Socket } from "node:net";
import { performance } from "node:perf_hooks";

export interface CapturedStatement {
  conn: number;
  sql: string;
  /** Text-format parameters as strings (null = SQL NULL); binary ones as { b64 }. */
  params: (string | null | { b64: string })[];
  start: number;
  end?: number;
}

export interface SqlProxy {
  port: number;
  statements: CapturedStatement[];
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

function cstring(buf: Buffer, at: number): [string, number] {
  const end = buf.indexOf(0, at);
  return [buf.toString("utf8", at, end), end + 1];
}

export async function startSqlProxy(target: { host: string; port: number }): Promise<SqlProxy> {
  const statements: CapturedStatement[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const server: Server = createServer((client) => {
    const conn = ++connections;
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const prepared = new Map<string, string>(); // statement name → SQL
    const portals = new Map<string, { sql: string; params: CapturedStatement["params"] }>();
    const pending: CapturedStatement[] = []; // executed, awaiting their completion
    let startup = true;
    let sslReplies = 0;
    let fromClient = Buffer.alloc(0);
    let fromServer = Buffer.alloc(0);

    const onClientMessage = (type: string, body: Buffer) => {
      if (type === "Q") {
        const entry: CapturedStatement = { conn, sql: cstring(body, 0)[0], params: [], start: performance.now() };
        statements.push(entry);
        pending.push(entry);
      } else if (type === "P") {
        const [name, at] = cstring(body, 0);
        prepared.set(name, cstring(body, at)[0]);
      } else if (type === "B") {
        const [portal, afterPortal] = cstring(body, 0);
        const [name, afterName] = cstring(body, afterPortal);
        let at = afterName;
        const nFormats = body.readInt16BE(at);
        at += 2;
        const formats = Array.from({ length: nFormats }, (_, i) => body.readInt16BE(at + 2 * i));
        at += 2 * nFormats;
        const nParams = body.readInt16BE(at);
        at += 2;
        const params: CapturedStatement["params"] = [];
        for (let i = 0; i < nParams; i++) {
          const len = body.readInt32BE(at);
          at += 4;
          if (len < 0) {
            params.push(null);
            continue;
          }
          const value = body.subarray(at, at + len);
          at += len;
          const binary = (nFormats === 1 ? formats[0] : (formats[i] ?? 0)) === 1;
          params.push(binary ? { b64: value.toString("base64") } : value.toString("utf8"));
        }
        portals.set(portal, { sql: prepared.get(name) ?? "?", params });
      } else if (type === "E") {
        const portal = portals.get(cstring(body, 0)[0]);
        const entry: CapturedStatement = { conn, sql: portal?.sql ?? "?", params: portal?.params ?? [], start: performance.now() };
        statements.push(entry);
        pending.push(entry);
      }
    };

    const onServerMessage = (type: string) => {
      // CommandComplete, EmptyQueryResponse, PortalSuspended, ErrorResponse: one statement done.
      if (type === "C" || type === "I" || type === "s" || type === "E") {
        const entry = pending.shift();
        if (entry) entry.end = performance.now();
      } else if (type === "Z") {
        const now = performance.now();
        for (const entry of pending.splice(0)) entry.end ??= now;
      }
    };

    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      fromClient = Buffer.concat([fromClient, chunk]);
      for (;;) {
        if (startup) {
          if (fromClient.length < 8) break;
          const len = fromClient.readInt32BE(0);
          if (fromClient.length < len) break;
          const code = fromClient.readInt32BE(4);
          fromClient = fromClient.subarray(len);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) sslReplies++;
          else startup = false;
          continue;
        }
        if (fromClient.length < 5) break;
        const len = fromClient.readInt32BE(1);
        if (fromClient.length < 1 + len) break;
        onClientMessage(String.fromCharCode(fromClient[0]), fromClient.subarray(5, 1 + len));
        fromClient = fromClient.subarray(1 + len);
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      client.write(chunk);
      fromServer = Buffer.concat([fromServer, chunk]);
      for (;;) {
        if (sslReplies > 0 && fromServer.length >= 1) {
          sslReplies--;
          fromServer = fromServer.subarray(1);
          continue;
        }
        if (fromServer.length < 5) break;
        const len = fromServer.readInt32BE(1);
        if (fromServer.length < 1 + len) break;
        onServerMessage(String.fromCharCode(fromServer[0]));
        fromServer = fromServer.subarray(1 + len);
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });

  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("SQL proxy: no port");
  return {
    port: address.port,
    statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
