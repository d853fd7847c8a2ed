"use client";
import { useCallback, useRef, useState } from "react";
import { choicesFromResponse, mergeChoices, type Choice } from "@/lib/forms/more-options";

export type MoreOptionsStatus = "idle" | "loading" | "loaded" | "failed";

/**
 * A select's remaining choices, fetched from `url` the first time `load` is called (the select focused or
 * its "more" control pressed) and merged behind the page's own. A failure can be retried; a success is kept.
 */
export function useMoreOptions(initial: Choice[], url: string) {
  const [state, setState] = useState<{ status: MoreOptionsStatus; options: Choice[] }>({ status: "idle", options: initial });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const loaded = useRef(false);
  const load = useCallback((): Promise<boolean> => {
    if (loaded.current) return Promise.resolve(true);
    inFlight.current ??= (async () => {
      setState((s) => ({ ...s, status: "loading" }));
      try {
        const response = await fetch(url, { headers: { accept: "application/json" } });
        const fetched = response.ok ? choicesFromResponse(await response.json()) : null;
        if (!fetched) throw new Error(`choices: ${response.status}`);
        loaded.current = true;
        setState({ status: "loaded", options: mergeChoices(initial, fetched) });
        return true;
      } catch {
        setState((s) => ({ ...s, status: "failed" }));
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, [initial, url]);
  return { ...state, load };
}
