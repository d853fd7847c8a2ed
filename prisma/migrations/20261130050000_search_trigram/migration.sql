-- The accounts table's search looks for logins whose e-mail contains the query (ILIKE '%q%'):
-- a trigram index answers that without reading every login of the organisation.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Login_email_trgm_idx" ON "Login" USING GIN ("email" gin_trgm_ops);
