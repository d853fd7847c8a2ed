// Client reports (issue 12). Japanese is the reference; English mirrors every key.
export const ja = {} as const;
export const en: Record<keyof typeof ja, string> = {};
