"use client";
import { createContext, useContext, type ReactNode } from "react";

/**
 * A page's one shared object for the many client panels below it (decision 057): the flight carries it once, at the
 * provider, instead of a reference in every panel's props. `consumer` names the panel in the error a missing
 * provider raises.
 */
export function sharedContext<T>(consumer: string) {
  const Context = createContext<T | null>(null);
  function Provider({ shared, children }: { shared: T; children: ReactNode }) {
    return <Context value={shared}>{children}</Context>;
  }
  function useShared(): T {
    const shared = useContext(Context);
    if (!shared) throw new Error(`${consumer} needs its provider above it`);
    return shared;
  }
  return { Provider, useShared };
}
