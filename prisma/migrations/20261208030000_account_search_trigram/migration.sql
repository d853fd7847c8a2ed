-- The accounts table's search also matches store names and seller ids that contain the query
-- (gatehouse_accounts_matching, ILIKE '%q%'). Without an index that half read every account of the
-- organisation per search (a sequential scan: 150 ms of the search statement's 198 ms on 12,000 accounts,
-- decision 033). Trigram indexes answer it as the e-mail half already was (20261130050000_search_trigram).

-- CreateIndex
CREATE INDEX "SellerAccount_storeName_trgm_idx" ON "SellerAccount" USING GIN ("storeName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SellerAccount_sellerId_trgm_idx" ON "SellerAccount" USING GIN ("sellerId" gin_trgm_ops);
