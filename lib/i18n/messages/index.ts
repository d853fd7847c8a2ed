import type { Locale } from "../locales";
import { en } from "./en";
import { ja, type MessageKey } from "./ja";

export type { MessageKey };
export const messages: Record<Locale, Record<MessageKey, string>> = { ja, en };
