import "server-only";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { AppError } from "@/lib/errors";
import { appDatabaseUrl } from "../app-role";
import { isOrgAdmin, type Scope } from "../scope";
import type { BulkImportOptions, BulkImportResult, BulkProgress } from "./import";

// A large import runs in a child process of its own with a capped V8 heap (issue 16, decision 031 stop 29),
// not in the Next.js server's heap: the import's live data fits in ~130 MB, but inside the server V8 sized
// its heap by default and the server peaked at 423-565 MB during the findings recompute. The child is
// bin/import-child.mjs (lib/db/bulk-import/child.ts compiled once, tsx as fallback), spoken to over Node's
// IPC channel: the request goes down, progress, the result or the failure come back. The child connects
// with the connection string the parent works out here (the scoped-work role, decision 011) and runs the
// very same runBulkImport under the same scope, so tenant isolation is what it was in-process.

/** Default heap of the import's process: 192 MB old space, a 16 MB young generation (decision 031 stop 29). */
export const DEFAULT_IMPORT_HEAP_MB = 192;
const SEMI_SPACE_MB = 16;

/** GATEHOUSE_IMPORT_HEAP_MB: the import process's old-space limit in MB (64 or more); the default otherwise. */
export function importHeapMb(env: Record<string, string | undefined> = process.env): number {
  const raw = env.GATEHOUSE_IMPORT_HEAP_MB;
  if (raw === undefined || raw === "") return DEFAULT_IMPORT_HEAP_MB;
  const mb = Number(raw);
  return Number.isInteger(mb) && mb >= 64 ? mb : DEFAULT_IMPORT_HEAP_MB;
}

export interface IsolatedImportOptions
  extends Pick<BulkImportOptions, "path" | "kind" | "dryRun" | "clientId" | "keepApart" | "onProgress" | "onConnection" | "recomputeBatch" | "checkUnchanged" | "connectionString"> {
  /** Aborting it kills the child (the client went away): its transaction dies with its connection, nothing is written. */
  signal?: AbortSignal;
  /** Overrides GATEHOUSE_IMPORT_HEAP_MB. */
  heapMb?: number;
  /** The child process once it runs: its pid and V8's heap limit in it (tests, bench). */
  onChild?: (child: { pid: number; heapLimitMb: number }) => void;
}

/** What the parent sends the child (one message). */
export interface ChildRequest {
  scope: Scope;
  options: Pick<BulkImportOptions, "path" | "kind" | "dryRun" | "clientId" | "keepApart" | "recomputeBatch" | "checkUnchanged"> & { connectionString: string };
}

/** What the child sends back. */
export type ChildMessage =
  | { type: "started"; pid: number; heapLimitMb: number }
  | { type: "connection"; pid: number }
  | { type: "progress"; progress: BulkProgress }
  | { type: "result"; result: BulkImportResult }
  | { type: "failed"; error: { name: string; message: string; code?: string } };

/** The import failed in the child; message, name and code are the child's error's. */
export class IsolatedImportError extends Error {
  constructor(
    message: string,
    readonly originalName: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "IsolatedImportError";
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled");
    this.name = "AbortError";
  }
}

/** runBulkImport (import.ts), in a child process with a capped heap; same result, same scope. */
export async function runIsolatedImport(scope: Scope, options: IsolatedImportOptions): Promise<BulkImportResult> {
  if (!isOrgAdmin(scope)) throw new AppError("FORBIDDEN", "Only owners and admins import data");
  if (options.signal?.aborted) throw new ImportCancelled();
  const request: ChildRequest = {
    // A plain copy: the scope crosses the process boundary by structured clone.
    scope: structuredClone(scope),
    options: {
      path: options.path,
      kind: options.kind,
      dryRun: options.dryRun,
      clientId: options.clientId,
      keepApart: options.keepApart,
      recomputeBatch: options.recomputeBatch,
      checkUnchanged: options.checkUnchanged,
      // Worked out here, from this process's environment (DATABASE_APP_URL, or DATABASE_URL + AUTH_SECRET):
      // the child logs in as exactly the role the server's scoped work uses.
      connectionString: options.connectionString ?? appDatabaseUrl(),
    },
  };
  const heapMb = options.heapMb ?? importHeapMb();
  // The app's working directory is the project root (npm start, next start, the tests): the launcher is
  // found from it, not from this module's location, which the Next.js bundle rewrites.
  const launcher = join(process.cwd(), "bin", "import-child.mjs");
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, "--conditions=react-server", launcher], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise<BulkImportResult>((resolve, reject) => {
    let outcome: { result: BulkImportResult } | { error: Error } | null = null;
    let cancelled = false;
    const cancel = () => {
      if (cancelled || child.exitCode !== null) return;
      cancelled = true;
      // SIGKILL: nothing of the child's needs to run. Its connection closes with it; PostgreSQL rolls the
      // transaction back (and notices even mid-statement: client_connection_check_interval, import.ts).
      child.kill("SIGKILL");
    };
    options.signal?.addEventListener("abort", cancel, { once: true });
    child.on("message", (message: ChildMessage) => {
      if (message.type === "started") options.onChild?.({ pid: message.pid, heapLimitMb: message.heapLimitMb });
      else if (message.type === "connection") options.onConnection?.(message.pid);
      else if (message.type === "progress") options.onProgress?.(message.progress);
      else if (message.type === "result") outcome = { result: message.result };
      else if (message.type === "failed") outcome = { error: new IsolatedImportError(message.error.message, message.error.name, message.error.code) };
    });
    child.on("error", (error) => {
      // Never started (no exit event follows), or the IPC channel failed (the exit below settles).
      if (child.pid === undefined) reject(error);
      else outcome ??= { error };
    });
    // Settled only once the child has exited: no import process outlives the call.
    child.on("exit", (code, signal) => {
      options.signal?.removeEventListener("abort", cancel);
      if (cancelled) return reject(new ImportCancelled());
      if (outcome && "result" in outcome) return resolve(outcome.result);
      if (outcome) return reject(outcome.error);
      // Out of memory (V8 aborts), killed by someone else, or a crash before it could say why.
      reject(new IsolatedImportError(`The import process ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`})`, "IsolatedImportError"));
    });
    child.send(request, (error) => {
      if (error) {
        outcome ??= { error };
        child.kill("SIGKILL");
      }
    });
  });
}
