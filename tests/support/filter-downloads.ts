import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { syncToolCatalogue } from "@/lib/db/tools";
import { makeAccounts } from "./account-grid";
import { createTenant } from "./factories";

/**
 * The four accounts the download routes' filter tests read (export and snapshot): two under Client A, two with
 * no client; two with a critical finding, one high; one on the German marketplace. Answers the client's id and
 * the Owner's user id.
 */
export const DOWNLOAD_STORES = ["Alpha", "Bravo", "Charlie", "Delta"];

export async function downloadFixture(db: Db): Promise<{ clientA: string; userId: string }> {
  await syncToolCatalogue(db);
  const tenant = await createTenant(db);
  const clientA = (await db.client.create({ data: { orgId: tenant.orgId, name: "Client A" } })).id;
  await makeAccounts(db, tenant.orgId, [
    { storeName: "Alpha", score: 20, clientId: clientA, findings: [["NO_2SV", "critical"]] },
    { storeName: "Bravo", score: 40, clientId: clientA, findings: [["SINGLE_2SV_METHOD", "high"]] },
    { storeName: "Charlie", score: 75, findings: [["NO_2SV", "critical"]] },
    { storeName: "Delta", score: 90, marketplaces: ["DE"] },
  ]);
  return { clientA, userId: tenant.userId };
}

/** A refused download: `status`, no file, no store name anywhere in the answer, and exactly this body. */
export async function expectRefusedDownload(response: Response, status: number, body: unknown, label?: string): Promise<void> {
  expect(response.status, label).toBe(status);
  expect(response.headers.get("content-disposition")).toBeNull();
  const text = await response.text();
  for (const name of DOWNLOAD_STORES) expect(text).not.toContain(name);
  expect(JSON.parse(text)).toEqual(body);
}
