// Apart from snapshot.ts (zod) so that the audit command's bulk check loads no zod (decision 030, stop 30).
export const SNAPSHOT_FORMAT = "gatehouse.snapshot/v1";
