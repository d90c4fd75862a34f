import type { Channel } from '../../shared/contract';
import type { Handlers } from '../ipc/router';
import type { AppSession } from '../session';
import { recordBuyerReceipt, recordBuyerSale, recordSaleCost } from './buyer';
import { campaignSummary, closeCampaign, createCampaign, listCampaigns } from './campaigns';
import { listDeliveries, postDeliveryDay, setConsent } from './deliveries';
import { collectPayouts, payoutSheet, postPayout } from './payout';

type SalesChannels = Extract<Channel, `sales.${string}`>;

/** The collective sales channels, answered by main/sales/* on the session's open books. */
export function salesHandlers(session: AppSession): Pick<Handlers, SalesChannels> {
  return {
    'sales.campaigns': () => listCampaigns(session.db),
    'sales.campaign': ({ campaignId }) => campaignSummary(session.db, campaignId),
    'sales.createCampaign': (input) => createCampaign(session.db, input, session.now()),
    'sales.closeCampaign': ({ campaignId, date }) => closeCampaign(session.db, campaignId, date),
    'sales.deliveries': ({ campaignId }) => listDeliveries(session.db, campaignId),
    'sales.deliveryDay': async (input) => postDeliveryDay(session.db, input, await session.actor()),
    'sales.consent': async (input) => setConsent(session.db, input, await session.actor()),
    'sales.sell': async (input) => recordBuyerSale(session.db, input, await session.actor()),
    'sales.receive': async (input) => recordBuyerReceipt(session.db, input, await session.actor()),
    'sales.cost': async (input) => recordSaleCost(session.db, input, await session.actor()),
    'sales.payoutSheet': ({ campaignId, date, toSavings }) =>
      payoutSheet(session.db, campaignId, date, toSavings),
    'sales.payout': async (input) => postPayout(session.db, input, await session.actor()),
    'sales.collect': async (input) => collectPayouts(session.db, input, await session.actor()),
  };
}
