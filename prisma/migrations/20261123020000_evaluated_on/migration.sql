-- AlterTable
ALTER TABLE "SellerAccount" ADD COLUMN     "evaluatedOn" DATE;

