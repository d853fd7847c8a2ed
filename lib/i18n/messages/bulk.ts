// Bulk data in and out: sheets, Seller Central paste, streaming loads (issue 16). Japanese is the reference; English mirrors every key.
export const ja = {} as const;
export const en: Record<keyof typeof ja, string> = {};
