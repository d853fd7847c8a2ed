-- A change made through an API token is credited to the token (decision 094): the trail keeps the token's id beside
-- the member it acts for (actorUserId, the member who made the token). Earlier events have none: which token made
-- them was never recorded, so they stay credited as they were.
ALTER TABLE "AuditEvent" ADD COLUMN "actorTokenId" TEXT;
