-- Open checklist items that would disable a primary login the departed person owned become hand-overs:
-- Seller Central never lets the primary user be disabled (issue 19). A separate migration because a new
-- enum value cannot be used in the transaction that adds it.
UPDATE "OffboardingTask" t
SET "kind" = 'PRIMARY_HANDOVER'
FROM "Login" l
WHERE t."loginId" = l."id" AND t."kind" = 'LOGIN_DISABLE' AND t."doneAt" IS NULL AND l."role" = 'PRIMARY' AND l."personId" = t."personId";
