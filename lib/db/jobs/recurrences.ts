import "server-only";
import { AppError } from "@/lib/errors";
import { recurrenceDue, type Recurrence } from "@/lib/reviews";
import { getDb } from "../client";
import { startNextRecurrence } from "../reviews/start-campaign";
import { scopeInOrganisation } from "./job-scope";
import { utcToday } from "@/lib/days";

// The scheduled start of recurring review campaigns (job reviews.start-due-recurrences). Finding the
// due ones reads every organisation (system work, as the owner); each start then runs through the
// scoped layer as the campaign's starter, in that campaign's organisation only. Idempotent: a campaign
// whose next one exists is skipped here, and startNextRecurrence's UNIQUE marker makes a racing or
// retried second start write nothing (decision 020).

export interface RecurrenceRun {
  started: { campaignId: string; nextId: string; orgId: string }[];
  /** Due, but its next one was started meanwhile by another run. */
  alreadyStarted: number;
  /** Due, but it cannot be started as its starter (they left, lost the right, nothing left to review): reason per campaign. */
  skipped: { campaignId: string; orgId: string; reason: string }[];
}

interface Candidate {
  id: string;
  orgId: string;
  startedById: string;
  recurrence: Recurrence;
  startedOn: string;
  dueOn: string;
  portalOrgId: string | null;
}

/** Recurring campaigns without a next one yet, due to recur on `today` (the clock is the job's). */
export async function dueRecurrences(today: string): Promise<Candidate[]> {
  const rows = await getDb().$queryRawUnsafe<Candidate[]>(
    `SELECT c.id, c."orgId", c."startedById", c.recurrence::text AS recurrence,
            to_char(c."startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "startedOn", to_char(c."dueOn", 'YYYY-MM-DD') AS "dueOn",
            pc."portalOrgId"
     FROM "ReviewCampaign" c
     LEFT JOIN "Client" pc ON pc.id = c."portalClientId"
     WHERE c.recurrence <> 'NONE' AND NOT EXISTS (SELECT 1 FROM "ReviewCampaign" n WHERE n."previousCampaignId" = c.id)
     ORDER BY c."orgId", c."startedAt", c.id`,
  );
  return rows.filter((c) => recurrenceDue(c.recurrence, c, today));
}

/** Starts the next campaign of every due one; `now` is the job's clock (the new campaigns' start). */
export async function startDueRecurrences(now: Date): Promise<RecurrenceRun> {
  const run: RecurrenceRun = { started: [], alreadyStarted: 0, skipped: [] };
  for (const campaign of await dueRecurrences(utcToday(now))) {
    const scope = await scopeInOrganisation(campaign.startedById, campaign.orgId, campaign.portalOrgId);
    if (!scope || (campaign.portalOrgId ? !scope.portal : scope.portal)) {
      run.skipped.push({ campaignId: campaign.id, orgId: campaign.orgId, reason: "starter is no longer a member" });
      continue;
    }
    try {
      const next = await startNextRecurrence(scope, campaign.id, now);
      if (next) run.started.push({ campaignId: campaign.id, nextId: next.id, orgId: campaign.orgId });
      else run.alreadyStarted += 1;
    } catch (error) {
      // A refusal is the data's answer (not a passing fault): retrying would refuse again, so it is reported, not thrown.
      if (!(error instanceof AppError)) throw error;
      run.skipped.push({ campaignId: campaign.id, orgId: campaign.orgId, reason: `${error.code}: ${error.message}` });
    }
  }
  return run;
}
