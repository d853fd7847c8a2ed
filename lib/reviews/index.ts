export * from "./types";
export * from "./items";
export * from "./schedule";
export * from "./task-text";
