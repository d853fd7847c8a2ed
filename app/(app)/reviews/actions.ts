"use server";
import { defineAction } from "@/lib/actions/define-action";
import { decideItem, decideItems } from "@/lib/db/reviews/decide";
import { startCampaign } from "@/lib/db/reviews/start-campaign";
import { bulkDecideSchema, decideItemSchema, startCampaignSchema } from "@/lib/validation/reviews";

export const startCampaignAction = defineAction(startCampaignSchema, (scope, input) => startCampaign(scope, input));
export const decideItemAction = defineAction(decideItemSchema, (scope, input) => decideItem(scope, input));
export const decideItemsAction = defineAction(bulkDecideSchema, (scope, input) => decideItems(scope, input));
