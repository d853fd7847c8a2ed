/** Sort and hash memory for the large import's transaction (import.ts); unchanged.ts raises it for two statements and puts this back. */
export const IMPORT_WORK_MEM = "64MB";
