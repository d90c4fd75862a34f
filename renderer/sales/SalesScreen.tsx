import { useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { CampaignSummary } from '../../shared/sales';
import { call } from '../api';
import { Money } from '../components/money';
import { Quantity } from '../components/quantity';
import { useI18n } from '../i18n';
import { BuyerForms } from './BuyerForms';
import { CampaignForm } from './CampaignForm';
import { useCampaigns } from './CampaignSelect';
import { DeliveryDay } from './DeliveryDay';
import { PayoutPanel } from './PayoutPanel';
import { Banner, refusalText } from './parts';

type Tab = 'deliveries' | 'buyer' | 'payout';

/** The collective sales: every campaign with its figures; one campaign's deliveries, sale and payout. */
export function SalesScreen() {
  const i18n = useI18n();
  const t = i18n.t.sales;
  const { campaigns, reload } = useCampaigns();
  const [chosen, setChosen] = useState<number | 'new' | null>(null);
  const [tab, setTab] = useState<Tab>('deliveries');
  const [banner, setBanner] = useState('');
  useEffect(() => {
    if (chosen === null && campaigns[0]) setChosen(campaigns[0].id);
  }, [campaigns, chosen]);
  const campaign = campaigns.find((c) => c.id === chosen) ?? null;
  const status = (c: CampaignSummary) => (c.payout ? t.paidOut : c.status === 'open' ? t.open : t.closed);
  const closeDeliveries = async () => {
    if (!campaign) return;
    const result = await call('sales.closeCampaign', { campaignId: campaign.id, date: localToday() });
    if (!result.ok) setBanner(refusalText(i18n, result.error, campaign.currency));
    else setBanner('');
    await reload();
  };
  const money = (value: number) => (campaign ? <Money amount={value} currency={campaign.currency} /> : null);
  return (
    <section className="screen sales-screen">
      <header className="screen-header">
        <h1>{t.title}</h1>
        <button type="button" onClick={() => setChosen('new')}>
          {t.newCampaign}
        </button>
      </header>
      <div className="sales-layout">
        <nav className="sales-campaigns" aria-label={t.campaigns}>
          {campaigns.length === 0 ? <p className="hint">{t.none}</p> : null}
          {campaigns.map((c) => (
            <button
              key={c.id}
              type="button"
              className={c.id === chosen ? 'campaign-item current' : 'campaign-item'}
              aria-current={c.id === chosen ? 'true' : undefined}
              onClick={() => setChosen(c.id)}
            >
              <strong>{c.name}</strong>
              <span>
                {c.number} · {status(c)}
              </span>
            </button>
          ))}
        </nav>
        <div className="sales-detail">
          {chosen === 'new' ? (
            <CampaignForm
              onCreated={(id) => {
                void reload();
                setChosen(id);
              }}
            />
          ) : null}
          {campaign && chosen !== 'new' ? (
            <>
              <h2>
                {campaign.name} · {campaign.buyerName}
              </h2>
              <Banner text={banner} kind="error" />
              <dl className="sales-figures">
                <div>
                  <dt>{t.figures.members}</dt>
                  <dd>{i18n.num(campaign.members)}</dd>
                </div>
                <div>
                  <dt>{t.figures.netKg}</dt>
                  <dd>
                    <Quantity milli={campaign.netG} />
                  </dd>
                </div>
                <div>
                  <dt>{t.figures.sale}</dt>
                  <dd>{money(campaign.saleAmount - campaign.buyerDeductions)}</dd>
                </div>
                <div>
                  <dt>{t.figures.owedByBuyer}</dt>
                  <dd>{money(campaign.owedByBuyer)}</dd>
                </div>
                <div>
                  <dt>{t.figures.sharedCosts}</dt>
                  <dd>{money(campaign.sharedCosts)}</dd>
                </div>
                <div>
                  <dt>{t.figures.owedToMembers}</dt>
                  <dd>{money(campaign.owedToMembers)}</dd>
                </div>
              </dl>
              {campaign.status === 'open' ? (
                <button type="button" onClick={() => void closeDeliveries()}>
                  {t.close}
                </button>
              ) : null}
              <div className="segmented" role="tablist" aria-label={t.title}>
                {(['deliveries', 'buyer', 'payout'] as const).map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    aria-selected={tab === name}
                    className={tab === name ? 'current' : ''}
                    onClick={() => setTab(name)}
                  >
                    {t.tabs[name]}
                  </button>
                ))}
              </div>
              {tab === 'deliveries' ? (
                <DeliveryDay key={campaign.id} campaign={campaign} onPosted={() => void reload()} />
              ) : null}
              {tab === 'buyer' ? (
                <BuyerForms key={campaign.id} campaign={campaign} onPosted={() => void reload()} />
              ) : null}
              {tab === 'payout' ? (
                <PayoutPanel key={campaign.id} campaign={campaign} onPosted={() => void reload()} />
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
