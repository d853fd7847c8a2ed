-- Client-owner portal: an agency client may be linked to the client company's own (SELLER) organisation.
-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "portalOrgId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Client_portalOrgId_key" ON "Client"("portalOrgId");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_portalOrgId_fkey" FOREIGN KEY ("portalOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

