// `npm run db:migrate`: applies committed migrations to DATABASE_URL (the app also does this at start).
import { applyMigrations } from "@/lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(2);
}
const { applied, alreadyApplied } = await applyMigrations(url);
console.log(applied.length ? `applied: ${applied.join(", ")}` : `up to date (${alreadyApplied} migrations)`);
