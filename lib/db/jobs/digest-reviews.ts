import "server-only";
import { interpolate } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import type { DigestSection } from "@/lib/jobs/digest";
import { listMyOverdueReviews } from "../reviews/read-campaigns";
import type { Scope } from "../scope";

// A digest section (through EXTRA_DIGEST_SECTIONS, and the daily reminder): the access reviews past
// their due day in which the member reading it still has items to decide. Read through their own scope.
export async function overdueReviewsSection(scope: Scope, week: { today: string; locale: "ja" | "en" }): Promise<DigestSection | null> {
  const campaigns = await listMyOverdueReviews(scope, week.today);
  if (campaigns.length === 0) return null;
  return {
    heading: "digest.overdueReviews",
    lines: campaigns.map((c) => ({ subject: c.name, text: interpolate(messages[week.locale]["digest.undecidedItems"], { count: c.undecided }, week.locale), due: c.dueOn })),
  };
}
