import { addDays } from "@/lib/dates";
import type { SnapshotInput } from "@/lib/validation/snapshot";

// The demo agency's portfolio, built from a fixed recipe relative to "today" so the demo always looks
// current: about a quarter of the accounts are clean, every catalogue rule fires somewhere, and a
// departed staff member still holds logins on several accounts.

type Account = SnapshotInput["accounts"][number];
type Login = NonNullable<Account["logins"]>[number];
type Issue = (a: Account, ctx: Ctx) => void;

interface Ctx {
  ago: (days: number) => string;
  inDays: (days: number) => string;
  n: number;
  devices: NonNullable<SnapshotInput["devices"]>;
  people: NonNullable<SnapshotInput["people"]>;
}

export const DEMO_AGENCY = "Kaede Commerce Partners";

const CLIENTS = [
  { name: "Sakura Tea KK", slug: "sakura", owner: "Sato Hana", regions: ["JP", "JP", "US", "DE"] },
  { name: "Hoshino Kitchenware", slug: "hoshino", owner: "Hoshino Daiki", regions: ["JP", "US", "UK"] },
  { name: "Mori Outdoor", slug: "mori", owner: "Mori Aoi", regions: ["JP", "JP", "DE"] },
  { name: "Kawa Cosmetics", slug: "kawa", owner: "Kawaguchi Yui", regions: ["JP", "US", "UK", "DE"] },
  { name: "Tsubame Stationery", slug: "tsubame", owner: "Tsubame Ren", regions: ["JP", "JP", "US"] },
  { name: "Yama Pet Supplies", slug: "yama", owner: "Yamada Sora", regions: ["JP", "UK", "DE"] },
  { name: "Nami Swimwear", slug: "nami", owner: "Nakamura Emi", regions: ["JP", "US", "US"] },
  { name: "Kiri Furniture", slug: "kiri", owner: "Kiriyama Sho", regions: ["JP", "DE", "UK"] },
  { name: "Hikari Lighting", slug: "hikari", owner: "Hikawa Rin", regions: ["JP", "JP", "US", "UK"] },
  { name: "Tori Toys", slug: "tori", owner: "Torii Mei", regions: ["JP", "US", "DE"] },
  { name: "Umi Seafood Gifts", slug: "umi", owner: "Umeda Kaito", regions: ["JP", "JP", "US"] },
  { name: "Sora Audio", slug: "sora", owner: "Sorano Yuto", regions: ["JP", "US", "UK", "DE"] },
] as const;

const STAFF = [
  { id: "p-staff-ito", name: "Ito Kenji" },
  { id: "p-staff-suzuki", name: "Suzuki Mai" },
  { id: "p-staff-kato", name: "Kato Riku" },
  { id: "p-staff-watanabe", name: "Watanabe Yuna" },
  { id: "p-staff-tanaka", name: "Tanaka Ken" }, // departed, still holds logins
] as const;

const MARKETPLACE = { JP: ["JP", "JP"], US: ["NA", "US"], UK: ["EU", "UK"], DE: ["EU", "DE"] } as const;

// One recipe per unhealthy account, cycling through the whole catalogue; index 0 = clean.
const RECIPES: Issue[][] = [];

function secondary(id: string, email: string, personId: string, ctx: Ctx, extra: Partial<Login> = {}): Login {
  return {
    id, role: "SECONDARY", email, personId, status: "ACTIVE", invitedAt: ctx.ago(400), acceptedAt: ctx.ago(399), lastLoginAt: ctx.ago(3),
    passwordChangedAt: ctx.ago(60), passwordReused: false, twoStep: [], permissions: [], ...extra,
  };
}

function appDevice(ctx: Ctx, holderId: string): string {
  const id = `d-app-${holderId}`;
  if (!ctx.devices.some((d) => d.id === id)) ctx.devices.push({ id, kind: "AUTHENTICATOR_APP", label: "Google Authenticator", holderId, skipOtpOnBrowser: false });
  return id;
}

function phoneDevice(ctx: Ctx, holderId: string): string {
  const id = `d-phone-${holderId}`;
  if (!ctx.devices.some((d) => d.id === id)) ctx.devices.push({ id, kind: "PHONE", label: "iPhone", holderId, skipOtpOnBrowser: false });
  return id;
}

function strongTwoStep(ctx: Ctx, holderId: string, last4: string): Login["twoStep"] {
  return [
    { kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: appDevice(ctx, holderId) },
    { kind: "SMS", role: "BACKUP", deviceId: phoneDevice(ctx, holderId), phoneLast4: last4 },
  ];
}

const staffOf = (n: number) => STAFF[n % 4];
const logins = (a: Account) => a.logins!;
const primary = (a: Account) => logins(a)[0];

const issues = {
  noTwoStep: (a, ctx) => logins(a).push(secondary("l-ops", `ops${ctx.n}@example.jp`, `p-${a.id}-ops`, ctx, { permissions: [{ tool: "ORDERS", level: "VIEW", marketplace: null }] })),
  singleMethod: (a, ctx) => {
    logins(a)[1].twoStep = [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: appDevice(ctx, logins(a)[1].personId) }];
  },
  primarySmsOnly: (a, ctx) => {
    primary(a).twoStep = [{ kind: "SMS", role: "PRIMARY", deviceId: phoneDevice(ctx, primary(a).personId), phoneLast4: "0427" }];
  },
  smsAndVoice: (a, ctx) => {
    const l = logins(a)[1];
    l.twoStep = [
      { kind: "SMS", role: "PRIMARY", deviceId: phoneDevice(ctx, l.personId), phoneLast4: "5512" },
      { kind: "VOICE", role: "BACKUP", deviceId: phoneDevice(ctx, l.personId), phoneLast4: "5512" },
    ];
  },
  sharedTeamPhone: (a, ctx) => {
    if (!ctx.devices.some((d) => d.id === "d-team-phone"))
      ctx.devices.push({ id: "d-team-phone", kind: "PHONE", label: "Office Android (shared)", holderId: "p-staff-ito", skipOtpOnBrowser: true });
    for (const l of logins(a).slice(0, 2)) l.twoStep = [...(l.twoStep ?? []), { kind: "SMS", role: "BACKUP", deviceId: "d-team-phone", phoneLast4: "8080" }];
  },
  stalePassword: (a, ctx) => void (primary(a).passwordChangedAt = ctx.ago(ctx.n % 2 ? 123 : 212)),
  passwordReused: (a) => void (primary(a).passwordReused = true),
  sharedPrimary: (a) => void (primary(a).usedBy = [primary(a).personId, staffOf(1).id]),
  dormantUser: (a, ctx) => void (logins(a)[2].lastLoginAt = ctx.ago(131)),
  staleInvite: (a, ctx) =>
    logins(a).push({ ...secondary("l-invite", `newhire${ctx.n}@example.jp`, `p-${a.id}-ops`, ctx), status: "INVITED", invitedAt: ctx.ago(19), acceptedAt: null, lastLoginAt: null }),
  externalAdmin: (a, ctx) =>
    logins(a).push(secondary("l-vendor", `ads@blue-ocean.example`, "p-vendor-blue", ctx, {
      twoStep: strongTwoStep(ctx, "p-vendor-blue", "3141"), permissions: [{ tool: "ADVERTISING", level: "ADMIN", marketplace: a.marketplaces![0] }],
    })),
  tooManyAdmins: (a, ctx) => {
    for (const s of [STAFF[1], STAFF[2], STAFF[3]])
      logins(a).push(secondary(`l-admin-${s.id}`, `${s.id}@kaede.example`, s.id, ctx, { twoStep: strongTwoStep(ctx, s.id, "2718"), permissions: [{ tool: "INVENTORY", level: "ADMIN", marketplace: null }] }));
  },
  departedStillActive: (a, ctx) =>
    logins(a).push(secondary("l-tanaka", "tanaka@kaede.example", "p-staff-tanaka", ctx, { twoStep: strongTwoStep(ctx, "p-staff-tanaka", "6060"), permissions: [{ tool: "PRICING", level: "VIEW_EDIT", marketplace: null }] })),
  dormantAccount: (a, ctx) => {
    for (const l of logins(a)) l.lastLoginAt = ctx.ago(240 + ctx.n);
  },
  appExpiring: (a, ctx) => a.apps!.push({ id: "app-repricer", name: "RepricerX", developer: "Repricer Inc", authorizedAt: ctx.ago(345), expiresAt: ctx.inDays(20) }),
  appExpired: (a, ctx) => a.apps!.push({ id: "app-feedback", name: "FeedbackPilot", developer: "Pilot Labs", authorizedAt: ctx.ago(371), expiresAt: ctx.ago(6) }),
  suspended: (a) => void (a.status = "SUSPENDED"),
  deactivated: (a) => void (a.status = "DEACTIVATED"),
  individualShared: (a) => {
    a.plan = "INDIVIDUAL";
    a.logins = [primary(a)];
    primary(a).usedBy = [primary(a).personId, staffOf(2).id];
    primary(a).permissions = [];
  },
  primaryHeldByAgency: (a, ctx) => {
    primary(a).personId = staffOf(ctx.n).id;
    primary(a).email = `${a.id}@kaede.example`;
    primary(a).twoStep = strongTwoStep(ctx, staffOf(ctx.n).id, "4242");
  },
  singleAdmin: (a) => {
    a.logins = logins(a).filter((l) => !l.id.startsWith("l-client-admin"));
  },
  externalSensitive: (a) => logins(a)[1].permissions!.push({ tool: "PAYMENTS", level: "VIEW", marketplace: null }),
  contractorAsUser: (a, ctx) =>
    logins(a).push(secondary("l-logistics", "ops@rakuda.example", "p-vendor-rakuda", ctx, { twoStep: strongTwoStep(ctx, "p-vendor-rakuda", "1618"), permissions: [{ tool: "FBA", level: "VIEW_EDIT", marketplace: null }] })),
  staleLink: (a, ctx) => a.partners!.push({ id: "ap-rakuda", company: "Rakuda Logistics", linkSentAt: ctx.ago(11), acceptedAt: null }),
  leftoverAccess: (a, ctx) => {
    logins(a).push(secondary("l-removed", "former@blue-ocean.example", "p-vendor-former", ctx, { status: "REMOVED" }));
    a.otherAccess!.push({ personId: "p-vendor-former", console: "ADS", role: "ADMIN" });
  },
  // The issue-19 accident: the primary login was disabled as if it were a secondary user's (NO_ACTIVE_PRIMARY).
  primaryDisabled: (a) => void (primary(a).status = "DISABLED"),
  unverified: (a, ctx) => void (a.lastVerifiedAt = ctx.n % 2 ? null : ctx.ago(140)),
} satisfies Record<string, Issue>;

RECIPES.push(
  [],
  [issues.primarySmsOnly, issues.stalePassword],
  [issues.noTwoStep, issues.dormantUser],
  [issues.singleMethod, issues.departedStillActive],
  [],
  [issues.sharedTeamPhone, issues.sharedPrimary],
  [issues.externalAdmin, issues.externalSensitive],
  [issues.staleInvite, issues.appExpiring],
  [],
  [issues.tooManyAdmins, issues.passwordReused],
  [issues.departedStillActive, issues.unverified],
  [issues.dormantAccount],
  [],
  [issues.individualShared],
  [issues.primaryHeldByAgency, issues.smsAndVoice],
  [issues.contractorAsUser, issues.staleLink],
  [],
  [issues.suspended],
  [issues.leftoverAccess, issues.appExpired],
  [issues.singleAdmin, issues.stalePassword],
  [issues.departedStillActive, issues.sharedTeamPhone],
  [],
  [issues.deactivated, issues.unverified],
  [issues.primarySmsOnly, issues.contractorAsUser],
  [issues.departedStillActive, issues.noTwoStep, issues.passwordReused],
  [],
  [issues.staleInvite],
  [issues.externalAdmin, issues.dormantUser],
  [issues.appExpiring, issues.stalePassword],
  [],
  [issues.singleMethod, issues.primaryDisabled],
  [issues.smsAndVoice, issues.staleLink],
);

export interface DemoPortfolio {
  snapshot: SnapshotInput;
  /** Client name → snapshot account ids. */
  clients: { name: string; accountIds: string[] }[];
}

export function buildDemoPortfolio(today: string): DemoPortfolio {
  const people: Ctx["people"] = [
    ...STAFF.map((s) => ({ id: s.id, name: s.name, external: true, company: DEMO_AGENCY, departedAt: s.id === "p-staff-tanaka" ? addDays(today, -45) : null })),
    { id: "p-vendor-blue", name: "Blue Ocean Ads (shared)", external: true, company: "Blue Ocean Ads", departedAt: null },
    { id: "p-vendor-rakuda", name: "Nomura Jiro", external: true, company: "Rakuda Logistics", departedAt: null },
    { id: "p-vendor-former", name: "Ogawa Taro", external: true, company: "Blue Ocean Ads", departedAt: null },
  ];
  const ctxBase = { devices: [] as Ctx["devices"], people };
  const accounts: Account[] = [];
  const clients: DemoPortfolio["clients"] = [];
  let n = 0;
  for (const client of CLIENTS) {
    const ownerId = `p-${client.slug}-owner`;
    const adminId = `p-${client.slug}-admin`;
    people.push({ id: ownerId, name: client.owner, external: false, company: client.name, departedAt: null });
    people.push({ id: adminId, name: `${client.owner.split(" ")[0]} Team Lead`, external: false, company: client.name, departedAt: null });
    const ids: string[] = [];
    client.regions.forEach((region, i) => {
      const ctx: Ctx = { ...ctxBase, n, ago: (d) => addDays(today, -d), inDays: (d) => addDays(today, d) };
      const [accountRegion, marketplace] = MARKETPLACE[region];
      const id = `acc-${client.slug}-${region.toLowerCase()}${i}`;
      const staff = staffOf(n);
      people.push({ id: `p-${id}-ops`, name: `${client.owner.split(" ")[0]} Ops ${i + 1}`, external: false, company: client.name, departedAt: null });
      const account: Account = {
        id,
        storeName: `${client.name}${region === "JP" ? "" : ` ${region}`}${i > 0 && (client.regions as readonly string[]).indexOf(region) !== i ? " 2" : ""}`,
        sellerId: `A${(0x1f3a2b + n * 7919).toString(36).toUpperCase().padStart(12, "X")}`,
        region: accountRegion,
        marketplaces: [marketplace],
        plan: "PROFESSIONAL",
        status: "ACTIVE",
        lastVerifiedAt: ctx.ago(10 + (n % 30)),
        logins: [
          {
            id: "l-primary", role: "PRIMARY", email: `owner@${client.slug}.example`, personId: ownerId, status: "ACTIVE",
            lastLoginAt: ctx.ago(1 + (n % 5)), passwordChangedAt: ctx.ago(20 + (n % 40)), passwordReused: false,
            twoStep: strongTwoStep(ctx, ownerId, String(1000 + n * 37).slice(-4)), permissions: [],
          },
          secondary("l-agency", `${staff.id.slice(8)}@kaede.example`, staff.id, ctx, {
            lastLoginAt: ctx.ago(2 + (n % 7)),
            twoStep: strongTwoStep(ctx, staff.id, String(2000 + n * 53).slice(-4)),
            permissions: [
              { tool: "INVENTORY", level: "VIEW_EDIT", marketplace },
              { tool: "ORDERS", level: "VIEW", marketplace },
              { tool: "ADVERTISING", level: "VIEW_EDIT", marketplace },
              { tool: "BUSINESS_REPORTS", level: "VIEW", marketplace },
            ],
          }),
          secondary("l-client-admin", `lead@${client.slug}.example`, adminId, ctx, {
            lastLoginAt: ctx.ago(4 + (n % 20)),
            twoStep: strongTwoStep(ctx, adminId, String(3000 + n * 71).slice(-4)),
            permissions: [
              { tool: "USER_PERMISSIONS", level: "VIEW_EDIT", marketplace: null },
              { tool: "PAYMENTS", level: "VIEW", marketplace: null },
              { tool: "REPORTS", level: "VIEW", marketplace: null },
            ],
          }),
        ],
        partners: [{ id: "ap-agency", company: DEMO_AGENCY, linkSentAt: ctx.ago(500), acceptedAt: ctx.ago(498) }],
        apps: [{ id: "app-inventory-sync", name: "StockSync", developer: "Kaede Commerce Partners", authorizedAt: ctx.ago(100), expiresAt: ctx.inDays(265) }],
        otherAccess: [{ personId: staff.id, console: "ADS", role: "EDITOR" }],
      };
      for (const issue of RECIPES[n % RECIPES.length]) issue(account, ctx);
      accounts.push(account);
      ids.push(id);
      n += 1;
    });
    clients.push({ name: client.name, accountIds: ids });
  }
  return {
    snapshot: { format: "gatehouse.snapshot/v1", asOf: today, people, devices: ctxBase.devices, accounts },
    clients,
  };
}
