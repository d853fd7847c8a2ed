/**
 * Which calendar day it is (YYYY-MM-DD): the one module every "today" comes from. Each function takes the moment
 * it is asked about (a job's clock, a test's fixed time) and reads the wall clock only when given none; lib/dates.ts
 * does the arithmetic on the days these answer.
 *
 * UTC's day is the unit every stored date and every rule counts in (ages, acceptance, the jobs' day). A rule about a
 * day a person typed ("today or later", "today or earlier") measures from the earliest or latest day it is anywhere
 * on Earth instead, so nobody is refused their own today, whatever their zone (decision 091).
 */

const HOUR_MS = 3_600_000;

/** The UTC calendar day at `now`. */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * The earliest calendar day it is anywhere at `now` (UTC−12, the last zone): a rule "today or later" measured from
 * it never refuses a person their own today, whatever their zone. From UTC's day, a user west of UTC was refused
 * their own today in the evening (review 43). It accepts at most the one day that is still today somewhere.
 */
export const earliestDayAnywhere = (now: Date = new Date()): string => utcToday(new Date(now.getTime() - 12 * HOUR_MS));

/**
 * The latest calendar day it is anywhere at `now` (UTC+14, the first zone): a rule "today or earlier" (a departure, a
 * password change) measured from it never refuses a person their own today. From UTC's day, a user in Japan was
 * refused "today" as a day in the future before 09:00 (review 43).
 */
export const latestDayAnywhere = (now: Date = new Date()): string => utcToday(new Date(now.getTime() + 14 * HOUR_MS));
