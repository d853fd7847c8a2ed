/** A timestamp as PostgreSQL's json_agg writes it (ISO text or null), as the Date the pages expect. */
export const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
