import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real PgBouncer (Debian's /usr/sbin/pgbouncer) in transaction mode in front of a local PostgreSQL,
 * started by the test on a port of its own. `poolSize` 1 makes every client share one server connection.
 */
export async function startPgBouncer(options: { upstreamUrl: string; port: number; poolSize: number; users: { name: string; password: string }[] }): Promise<{ urlFor: (url: string) => string; stop: () => Promise<void> }> {
  const upstream = new URL(options.upstreamUrl);
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-pgbouncer-"));
  // The logins it may use upstream (PgBouncer needs each listed, with its password, to log in for it).
  writeFileSync(join(dir, "users.txt"), options.users.map((u) => `"${u.name}" "${u.password}"\n`).join(""));
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      "[pgbouncer]",
      `listen_addr = 127.0.0.1`,
      `listen_port = ${options.port}`,
      `unix_socket_dir =`,
      "auth_type = trust",
      `auth_file = ${join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${options.poolSize}`,
      "max_client_conn = 200",
      "ignore_startup_parameters = extra_float_digits,options",
      "server_reset_query =",
      `logfile = ${join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root (a CI container): it then drops to `nobody`, who must reach its files.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  const child: ChildProcess = spawn("/usr/sbin/pgbouncer", [...(asRoot ? ["-u", "nobody"] : []), join(dir, "pgbouncer.ini")], { stdio: "ignore" });
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port: options.port }, () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`pgbouncer did not start (see ${dir}/pgbouncer.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    urlFor(url: string) {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(options.port);
      return through.toString();
    },
    // Its directory holds a test login's password: removed with it.
    stop: () =>
      new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))).then(() =>
        rmSync(dir, { recursive: true, force: true }),
      ),
  };
}
