import { useState } from 'react';
import { localToday } from '../../shared/dates';
import { parseQuantity } from '../../shared/inputs';
import { type CampaignSummary, COST_KINDS, parseUnitPrice } from '../../shared/sales';
import { call } from '../api';
import { DateInput } from '../components/form';
import { AmountInput } from '../components/money';
import { AccountSelect, useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { Banner, Labelled, refusalText } from './parts';

type Kind = (typeof COST_KINDS)[number];

/** The sale to the buyer, what the buyer pays in (in parts), and the costs of the sale. */
export function BuyerForms({ campaign, onPosted }: { campaign: CampaignSummary; onPosted: () => void }) {
  const i18n = useI18n();
  const t = i18n.t.sales.buyer;
  const { accounts } = useAccounts();
  const money = (a: { isCash: boolean; isBank: boolean; currency: string | null }) =>
    (a.isCash || a.isBank) && a.currency === campaign.currency;
  const firstMoney = accounts.find((a) => money(a) && a.isCash)?.id ?? null;
  const [date, setDate] = useState(localToday());
  const [sale, setSale] = useState({ kg: '', price: '', deductions: 0 });
  const [receipt, setReceipt] = useState({ accountId: null as number | null, amount: Number.NaN });
  const [cost, setCost] = useState({
    accountId: null as number | null,
    amount: Number.NaN,
    kind: 'transport' as Kind,
    shared: true,
    note: '',
  });
  const [banner, setBanner] = useState('');
  const [notice, setNotice] = useState('');
  const done = (text: string) => {
    setBanner('');
    setNotice(text);
    onPosted();
  };
  const refuse = (label: string, error: Parameters<typeof refusalText>[1]) =>
    setBanner(`${label}: ${refusalText(i18n, error, campaign.currency)}`);

  const recordSale = async () => {
    const soldG = parseQuantity(sale.kg);
    const unitPrice = parseUnitPrice(sale.price, campaign.currency);
    if (!soldG) return refuse(t.kg, { code: 'quantity_invalid' });
    if (!unitPrice) return refuse(t.price, { code: 'amount_invalid' });
    const deductions = Number.isFinite(sale.deductions) ? sale.deductions : 0;
    const result = await call('sales.sell', { campaignId: campaign.id, date, soldG, unitPrice, deductions });
    if (!result.ok) return refuse(t.sale, result.error);
    setSale({ kg: '', price: '', deductions: 0 });
    done(i18n.format(t.sold, {}, { number: result.value.number }));
  };
  const recordReceipt = async () => {
    const accountId = receipt.accountId ?? firstMoney;
    if (accountId === null || !Number.isInteger(receipt.amount))
      return refuse(t.amount, { code: 'required' });
    const result = await call('sales.receive', {
      campaignId: campaign.id,
      date,
      accountId,
      amount: receipt.amount,
    });
    if (!result.ok) return refuse(t.receipt, result.error);
    setReceipt({ accountId, amount: Number.NaN });
    done(i18n.format(t.received, {}, { number: result.value.number }));
  };
  const recordCost = async () => {
    const accountId = cost.accountId ?? firstMoney;
    if (accountId === null || !Number.isInteger(cost.amount)) return refuse(t.amount, { code: 'required' });
    const { kind, shared, note, amount } = cost;
    const result = await call('sales.cost', {
      campaignId: campaign.id,
      date,
      kind,
      shared,
      note,
      accountId,
      amount,
    });
    if (!result.ok) return refuse(t.cost, result.error);
    setCost({ ...cost, amount: Number.NaN, note: '' });
    done(i18n.format(t.paid, {}, { number: result.value.number }));
  };
  const submit = (action: () => Promise<void>) => (e: React.FormEvent) => {
    e.preventDefault();
    void action();
  };
  return (
    <section className="sales-buyer">
      <Banner text={banner} kind="error" />
      <Banner text={notice} kind="ok" />
      <Labelled id="buyer-date" label={t.date}>
        <DateInput
          id="buyer-date"
          value={date}
          onChange={setDate}
          onBlur={() => undefined}
          aria-invalid={false}
        />
      </Labelled>
      <div className="sales-buyer-forms">
        <form aria-label={t.sale} onSubmit={submit(recordSale)}>
          <h3>{t.sale}</h3>
          <Labelled id="sale-kg" label={t.kg}>
            <input
              id="sale-kg"
              inputMode="decimal"
              value={sale.kg}
              onChange={(e) => setSale({ ...sale, kg: e.target.value })}
            />
          </Labelled>
          <Labelled id="sale-price" label={t.price}>
            <input
              id="sale-price"
              inputMode="decimal"
              value={sale.price}
              onChange={(e) => setSale({ ...sale, price: e.target.value })}
            />
          </Labelled>
          <Labelled id="sale-deductions" label={t.deductions}>
            <AmountInput
              id="sale-deductions"
              currency={campaign.currency}
              value={sale.deductions}
              onChange={(deductions) => setSale({ ...sale, deductions })}
            />
          </Labelled>
          <button type="submit" className="primary">
            {t.record}
          </button>
        </form>
        <form aria-label={t.receipt} onSubmit={submit(recordReceipt)}>
          <h3>{t.receipt}</h3>
          <Labelled id="receipt-account" label={t.account}>
            <AccountSelect
              id="receipt-account"
              accounts={accounts}
              filter={money}
              value={receipt.accountId ?? firstMoney}
              onChange={(accountId) => setReceipt({ ...receipt, accountId })}
            />
          </Labelled>
          <Labelled id="receipt-amount" label={t.amount}>
            <AmountInput
              id="receipt-amount"
              currency={campaign.currency}
              value={receipt.amount}
              onChange={(amount) => setReceipt({ ...receipt, amount })}
            />
          </Labelled>
          <button type="submit" className="primary">
            {t.receive}
          </button>
        </form>
        <form aria-label={t.cost} onSubmit={submit(recordCost)}>
          <h3>{t.cost}</h3>
          <Labelled id="cost-kind" label={t.kind}>
            <select
              id="cost-kind"
              value={cost.kind}
              onChange={(e) =>
                setCost({ ...cost, kind: COST_KINDS.find((k) => k === e.target.value) ?? 'other' })
              }
            >
              {COST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
          </Labelled>
          <label className="check">
            <input
              type="checkbox"
              checked={cost.shared}
              onChange={(e) => setCost({ ...cost, shared: e.target.checked })}
            />
            {t.shared}
          </label>
          <Labelled id="cost-account" label={t.payFrom}>
            <AccountSelect
              id="cost-account"
              accounts={accounts}
              filter={money}
              value={cost.accountId ?? firstMoney}
              onChange={(accountId) => setCost({ ...cost, accountId })}
            />
          </Labelled>
          <Labelled id="cost-amount" label={t.amount}>
            <AmountInput
              id="cost-amount"
              currency={campaign.currency}
              value={cost.amount}
              onChange={(amount) => setCost({ ...cost, amount })}
            />
          </Labelled>
          <Labelled id="cost-note" label={t.note}>
            <input
              id="cost-note"
              value={cost.note}
              onChange={(e) => setCost({ ...cost, note: e.target.value })}
            />
          </Labelled>
          <button type="submit" className="primary">
            {t.pay}
          </button>
        </form>
      </div>
    </section>
  );
}
