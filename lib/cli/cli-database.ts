// The database a `gatehouse` command writes to, as `npm start` chooses it: DATABASE_URL when set,
// otherwise the embedded PostgreSQL in GATEHOUSE_DATA_DIR. When the app is running, its embedded server
// is already up on that data directory: the command attaches to it instead of starting a second one, whose
// crash recovery would stop the app's server. Which server is "already up" is decided in lib/db/embedded.ts
// alone, the place that also decides where the cluster lives (relocated as root in a private directory,
// decisions 013 and 050): a second copy of that lookup here missed the relocated cluster.

export async function withCliDatabase<T>(env: Record<string, string | undefined>, work: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const { attachOrStartEmbeddedPostgres } = await import("../db/embedded");
  const embedded = await attachOrStartEmbeddedPostgres({ dataDir: env.GATEHOUSE_DATA_DIR || ".gatehouse" });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop(); // a no-op when attached: the app's server stays up
  }
}
