-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('AGENCY', 'SELLER');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'ADMIN', 'MANAGER', 'VIEWER');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('FORM', 'IMPORT', 'API', 'SEED');

-- CreateEnum
CREATE TYPE "Plan" AS ENUM ('PROFESSIONAL', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "LoginRole" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "LoginStatus" AS ENUM ('INVITED', 'ACTIVE', 'DISABLED', 'REMOVED');

-- CreateEnum
CREATE TYPE "TwoStepKind" AS ENUM ('SMS', 'VOICE', 'AUTHENTICATOR_APP');

-- CreateEnum
CREATE TYPE "MethodRole" AS ENUM ('PRIMARY', 'BACKUP');

-- CreateEnum
CREATE TYPE "DeviceKind" AS ENUM ('PHONE', 'AUTHENTICATOR_APP', 'SECURITY_KEY');

-- CreateEnum
CREATE TYPE "PermissionLevel" AS ENUM ('NONE', 'VIEW', 'VIEW_EDIT', 'ADMIN');

-- CreateEnum
CREATE TYPE "ToolScope" AS ENUM ('GLOBAL', 'MARKETPLACE');

-- CreateEnum
CREATE TYPE "OtherConsole" AS ENUM ('ADS', 'BRAND_REGISTRY');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('critical', 'high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'RESOLVED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('account', 'login', 'device', 'person', 'partner', 'app');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'ja',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "name" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL DEFAULT 'AGENCY',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipClient" (
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,

    CONSTRAINT "MembershipClient_pkey" PRIMARY KEY ("membershipId","clientId")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SellerAccount" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "clientId" TEXT,
    "storeName" TEXT NOT NULL,
    "sellerId" TEXT,
    "region" TEXT NOT NULL,
    "marketplaces" TEXT[],
    "plan" "Plan" NOT NULL DEFAULT 'PROFESSIONAL',
    "status" "AccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "lastVerifiedAt" TIMESTAMPTZ(3),
    "verifiedById" TEXT,
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "score" INTEGER NOT NULL DEFAULT 100,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SellerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "external" BOOLEAN NOT NULL DEFAULT false,
    "company" TEXT,
    "departedAt" TIMESTAMPTZ(3),
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Login" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "role" "LoginRole" NOT NULL,
    "email" TEXT,
    "personId" TEXT NOT NULL,
    "status" "LoginStatus" NOT NULL DEFAULT 'ACTIVE',
    "invitedAt" TIMESTAMPTZ(3),
    "acceptedAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3),
    "passwordReused" BOOLEAN NOT NULL DEFAULT false,
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Login_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginUser" (
    "orgId" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "LoginUser_pkey" PRIMARY KEY ("loginId","personId")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "kind" "DeviceKind" NOT NULL,
    "label" TEXT,
    "holderId" TEXT,
    "skipOtpOnBrowser" BOOLEAN NOT NULL DEFAULT false,
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwoStepMethod" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "kind" "TwoStepKind" NOT NULL,
    "role" "MethodRole" NOT NULL DEFAULT 'PRIMARY',
    "label" TEXT,
    "phoneLast4" VARCHAR(4),
    "deviceId" TEXT,
    "addedAt" TIMESTAMPTZ(3),
    "lastVerifiedAt" TIMESTAMPTZ(3),
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TwoStepMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "id" TEXT NOT NULL,
    "catalogVersion" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "scope" "ToolScope" NOT NULL DEFAULT 'GLOBAL',
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermissionGrant" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "level" "PermissionLevel" NOT NULL DEFAULT 'NONE',
    "marketplace" TEXT,
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PermissionGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorizedPartner" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "linkSentAt" TIMESTAMPTZ(3),
    "acceptedAt" TIMESTAMPTZ(3),
    "rights" TEXT[],
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuthorizedPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppAuthorization" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "appName" TEXT NOT NULL,
    "developer" TEXT,
    "authorizedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "roles" TEXT[],
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AppAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtherAccess" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "console" "OtherConsole" NOT NULL,
    "role" TEXT NOT NULL,
    "source" "DataSource" NOT NULL DEFAULT 'FORM',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OtherAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "evidenceData" JSONB NOT NULL DEFAULT '{}',
    "status" "FindingStatus" NOT NULL DEFAULT 'OPEN',
    "acceptedReason" TEXT,
    "acceptedById" TEXT,
    "acceptedUntil" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountScoreDaily" (
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "AccountScoreDaily_pkey" PRIMARY KEY ("accountId","day")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "accountId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_orgId_idx" ON "Membership"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_orgId_key" ON "Membership"("userId", "orgId");

-- CreateIndex
CREATE INDEX "MembershipClient_orgId_clientId_idx" ON "MembershipClient"("orgId", "clientId");

-- CreateIndex
CREATE INDEX "Client_orgId_idx" ON "Client"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Client_orgId_name_key" ON "Client"("orgId", "name");

-- CreateIndex
CREATE INDEX "SellerAccount_orgId_storeName_idx" ON "SellerAccount"("orgId", "storeName");

-- CreateIndex
CREATE INDEX "SellerAccount_orgId_clientId_idx" ON "SellerAccount"("orgId", "clientId");

-- CreateIndex
CREATE INDEX "SellerAccount_orgId_score_id_idx" ON "SellerAccount"("orgId", "score", "id");

-- CreateIndex
CREATE INDEX "SellerAccount_orgId_status_idx" ON "SellerAccount"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SellerAccount_orgId_sellerId_key" ON "SellerAccount"("orgId", "sellerId");

-- CreateIndex
CREATE INDEX "Person_orgId_name_idx" ON "Person"("orgId", "name");

-- CreateIndex
CREATE INDEX "Login_orgId_accountId_idx" ON "Login"("orgId", "accountId");

-- CreateIndex
CREATE INDEX "Login_orgId_personId_idx" ON "Login"("orgId", "personId");

-- CreateIndex
CREATE INDEX "Login_orgId_email_idx" ON "Login"("orgId", "email");

-- CreateIndex
CREATE INDEX "LoginUser_orgId_personId_idx" ON "LoginUser"("orgId", "personId");

-- CreateIndex
CREATE INDEX "Device_orgId_holderId_idx" ON "Device"("orgId", "holderId");

-- CreateIndex
CREATE INDEX "TwoStepMethod_orgId_loginId_idx" ON "TwoStepMethod"("orgId", "loginId");

-- CreateIndex
CREATE INDEX "TwoStepMethod_orgId_deviceId_idx" ON "TwoStepMethod"("orgId", "deviceId");

-- CreateIndex
CREATE INDEX "PermissionGrant_orgId_loginId_idx" ON "PermissionGrant"("orgId", "loginId");

-- CreateIndex
CREATE INDEX "AuthorizedPartner_orgId_accountId_idx" ON "AuthorizedPartner"("orgId", "accountId");

-- CreateIndex
CREATE INDEX "AppAuthorization_orgId_accountId_idx" ON "AppAuthorization"("orgId", "accountId");

-- CreateIndex
CREATE INDEX "AppAuthorization_orgId_expiresAt_idx" ON "AppAuthorization"("orgId", "expiresAt");

-- CreateIndex
CREATE INDEX "OtherAccess_orgId_accountId_idx" ON "OtherAccess"("orgId", "accountId");

-- CreateIndex
CREATE INDEX "OtherAccess_orgId_personId_idx" ON "OtherAccess"("orgId", "personId");

-- CreateIndex
CREATE INDEX "Finding_orgId_status_severity_idx" ON "Finding"("orgId", "status", "severity");

-- CreateIndex
CREATE INDEX "Finding_orgId_ruleId_status_idx" ON "Finding"("orgId", "ruleId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_accountId_ruleId_subjectType_subjectId_key" ON "Finding"("accountId", "ruleId", "subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AccountScoreDaily_orgId_day_idx" ON "AccountScoreDaily"("orgId", "day");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_accountId_createdAt_idx" ON "AuditEvent"("orgId", "accountId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_createdAt_idx" ON "AuditEvent"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipClient" ADD CONSTRAINT "MembershipClient_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipClient" ADD CONSTRAINT "MembershipClient_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SellerAccount" ADD CONSTRAINT "SellerAccount_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SellerAccount" ADD CONSTRAINT "SellerAccount_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Login" ADD CONSTRAINT "Login_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Login" ADD CONSTRAINT "Login_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginUser" ADD CONSTRAINT "LoginUser_loginId_fkey" FOREIGN KEY ("loginId") REFERENCES "Login"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginUser" ADD CONSTRAINT "LoginUser_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TwoStepMethod" ADD CONSTRAINT "TwoStepMethod_loginId_fkey" FOREIGN KEY ("loginId") REFERENCES "Login"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TwoStepMethod" ADD CONSTRAINT "TwoStepMethod_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermissionGrant" ADD CONSTRAINT "PermissionGrant_loginId_fkey" FOREIGN KEY ("loginId") REFERENCES "Login"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermissionGrant" ADD CONSTRAINT "PermissionGrant_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizedPartner" ADD CONSTRAINT "AuthorizedPartner_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppAuthorization" ADD CONSTRAINT "AppAuthorization_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherAccess" ADD CONSTRAINT "OtherAccess_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherAccess" ADD CONSTRAINT "OtherAccess_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountScoreDaily" ADD CONSTRAINT "AccountScoreDaily_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "SellerAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Audit events are append-only: history that can be rewritten is not evidence. Rules, not a plpgsql
-- trigger, because the offline engine used for drift checks splits statements on every semicolon.
-- The non-constant cast fails at run time with a message that names the reason.
CREATE RULE "AuditEvent_no_update" AS ON UPDATE TO "AuditEvent" DO INSTEAD SELECT ('AuditEvent is append-only: ' || OLD."id")::int;
CREATE RULE "AuditEvent_no_delete" AS ON DELETE TO "AuditEvent" DO INSTEAD SELECT ('AuditEvent is append-only: ' || OLD."id")::int;
