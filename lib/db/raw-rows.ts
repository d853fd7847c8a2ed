import pg from "pg";

// A page's raw read sent straight to pg instead of through Prisma's `$queryRawUnsafe`, which spends ≈ 0.6–1 ms of
// app CPU per call turning the same rows into the same values (its query interpreter, argument mapping and
// result deserialisation: decision 059 measured it). The rows must be what `$queryRawUnsafe` gave, so the
// callers' types and tests hold: these parsers give what it gives for the types Gatehouse's reads return, and
// do not depend on the process's time zone (pg's defaults read a `timestamp` or `date` in local time; Prisma
// reads them as UTC, and Gatehouse stores UTC).
//
//   timestamp(3), date, and their arrays → Date (UTC)      int8 (bigint, count(*)) and its array → BigInt
//   timestamptz → Date                                       json, jsonb → parsed; int2/int4/float → number
//   text, varchar, uuid, enums → string; arrays of them → string[]; bool → boolean
//
// Not like Prisma: numeric (a string here, a Decimal there), bytea (Buffer / Uint8Array), time (string / Date);
// no read of Gatehouse's returns them (cast in SQL if one ever does).

const TEXT_ARRAY = 1009;
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as never) as (text: string) => (string | null)[];

/** `2026-12-06 15:04:05.123` (a `timestamp` as PostgreSQL writes it) as that instant in UTC. */
export function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

/** `2026-12-06` (a `date`) as UTC midnight, as Prisma reads it. */
export function utcDate(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

const arrayOf =
  <T,>(parse: (text: string) => T) =>
  (text: string): (T | null)[] =>
    parseTextArray(text).map((v) => (v === null ? null : parse(v)));

const PARSERS: Record<number, (text: string) => unknown> = {
  20: BigInt, // int8
  1016: arrayOf(BigInt), // int8[]
  1114: utcTimestamp, // timestamp
  1115: arrayOf(utcTimestamp), // timestamp[]
  1082: utcDate, // date
  1182: arrayOf(utcDate), // date[]
};

/** pg's per-query type parsers for a raw read (the text format; pg asks for no other). */
export const RAW_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    return (format !== "binary" && PARSERS[oid]) || pg.types.getTypeParser(oid as never, format);
  },
};

/**
 * A Date parameter as Prisma sends it: an ISO instant in UTC. pg would write it in the process's local time with
 * its offset, which a cast to `timestamp` (without time zone) drops.
 */
export function rawParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p instanceof Date ? p.toISOString() : p));
}
