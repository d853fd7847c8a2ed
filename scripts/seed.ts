// `npm run db:seed`: loads the demo agency into DATABASE_URL if it holds no organisation yet.
import { prepareDatabase } from "@/lib/db/prepare";
import { utcToday } from "@/lib/days";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to seed.");
  process.exit(2);
}
const result = await prepareDatabase(url, { seed: true, today: utcToday() });
console.log(result.seed === "seeded" ? "demo agency loaded" : "database already holds an organisation: nothing seeded");
