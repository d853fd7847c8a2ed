"use client";
import Link from "@/components/link";
import type { ReactNode } from "react";
import { useEffect, useRef } from "react";

// After "Start", focus stayed on the button at the bottom of the form while the new campaign appeared at the top
// of the list, unannounced (probe 45, M9). The form notes the campaigns listed when it was sent; the first link
// to a campaign not among them that arrives takes the focus, so a screen reader says its name and Enter opens it.
// A refused start lists nothing new: the focus stays with the form, on the refused field.

let listedWhenSent: Set<string> | null = null;

/** Around the start form: remembers which campaigns were listed when it was sent. */
export function StartCampaignSent({ children }: { children: ReactNode }) {
  return (
    <div onSubmit={(event) => {
      if (event.defaultPrevented) return;
      listedWhenSent = new Set([...document.querySelectorAll<HTMLElement>("[data-campaign-id]")].map((a) => a.dataset.campaignId!));
    }}>
      {children}
    </div>
  );
}

/** A campaign's name in the list, linking to it; the one just started takes the focus as it arrives. */
export function CampaignLink({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!listedWhenSent || listedWhenSent.has(id) || !ref.current) return;
    listedWhenSent = null;
    ref.current.focus();
  }, [id]);
  return <Link ref={ref} href={`/reviews/${id}`} data-campaign-id={id}>{children}</Link>;
}
