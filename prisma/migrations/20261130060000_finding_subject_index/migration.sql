-- The person page and the people list look findings up by subject (a person, login or device).
-- CreateIndex
CREATE INDEX "Finding_orgId_subjectId_idx" ON "Finding"("orgId", "subjectId");

