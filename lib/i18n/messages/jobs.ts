// Background jobs, digests and the jobs page (issue 14). Japanese is the reference; English mirrors every key.
export const ja = {} as const;
export const en: Record<keyof typeof ja, string> = {};
