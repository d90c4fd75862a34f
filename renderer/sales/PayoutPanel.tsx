import { useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { CampaignSummary, PayoutSheet } from '../../shared/sales';
import { call } from '../api';
import { useCtrlEnter } from '../components/batch';
import { DateInput } from '../components/form';
import { Money } from '../components/money';
import { AccountSelect, useAccounts } from '../components/pickers';
import { Quantity } from '../components/quantity';
import { memberNumber, useI18n } from '../i18n';
import { Banner, Labelled, refusalText } from './parts';

/**
 * The payout: before it is posted, what each member would get on the date (with a box for a payout into
 * savings); after, who has collected their cash, and the members ticked as they come to the office.
 */
export function PayoutPanel({ campaign, onPosted }: { campaign: CampaignSummary; onPosted: () => void }) {
  const i18n = useI18n();
  const t = i18n.t.sales.payout;
  const { accounts } = useAccounts();
  const [date, setDate] = useState(localToday());
  const [sheet, setSheet] = useState<PayoutSheet | null>(null);
  const [toSavings, setToSavings] = useState<Set<number>>(new Set());
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [cashId, setCashId] = useState<number | null>(null);
  const [banner, setBanner] = useState('');
  const [notice, setNotice] = useState('');
  const load = async () => {
    const result = await call('sales.payoutSheet', {
      campaignId: campaign.id,
      date,
      toSavings: [...toSavings],
    });
    if (result.ok) setSheet(result.value);
    else setBanner(refusalText(i18n, result.error, campaign.currency));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the campaign or its figures change.
  useEffect(() => {
    void load();
  }, [campaign]);
  const cash = cashId ?? accounts.find((a) => a.isCash && a.currency === campaign.currency)?.id ?? null;
  const post = async () => {
    const result = await call('sales.payout', { campaignId: campaign.id, date, toSavings: [...toSavings] });
    if (!result.ok) return setBanner(refusalText(i18n, result.error, campaign.currency));
    setBanner('');
    setNotice(i18n.format(t.posted, { count: result.value.members }));
    onPosted();
  };
  const collect = async () => {
    if (!sheet?.posted || ticked.size === 0 || cash === null) return;
    const result = await call('sales.collect', {
      campaignId: campaign.id,
      date,
      cashAccountId: cash,
      memberIds: [...ticked],
    });
    if (!result.ok) {
      const line = result.error.params?.line;
      const who =
        typeof line === 'number' ? sheet.lines.find((l) => l.memberId === [...ticked][line]) : undefined;
      return setBanner(
        `${who ? `${who.nameKm}: ` : ''}${refusalText(i18n, result.error, campaign.currency)}`,
      );
    }
    setBanner('');
    setTicked(new Set());
    setNotice(i18n.format(t.collectedNotice, { count: result.value.count }));
    onPosted();
  };
  useCtrlEnter(collect);
  const flip = (set: Set<number>, id: number) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const amount = (value: number) => <Money amount={value} currency={campaign.currency} />;
  return (
    <section className="sales-payout">
      <Banner text={banner} kind="error" />
      <Banner text={notice} kind="ok" />
      <div className="form-grid">
        <Labelled id="payout-date" label={t.date}>
          <DateInput
            id="payout-date"
            value={date}
            onChange={setDate}
            onBlur={() => undefined}
            aria-invalid={false}
          />
        </Labelled>
        {sheet?.posted ? (
          <Labelled id="payout-cash" label={t.cash}>
            <AccountSelect
              id="payout-cash"
              accounts={accounts}
              filter={(a) => a.isCash && a.currency === campaign.currency}
              value={cash}
              onChange={setCashId}
            />
          </Labelled>
        ) : (
          <button type="button" onClick={() => void load()}>
            {t.preview}
          </button>
        )}
      </div>
      {sheet && !sheet.posted ? <p className="hint">{t.draft}</p> : null}
      {sheet?.posted ? <p className="hint">{t.choose}</p> : null}
      {sheet ? (
        <table className="data-table payout-table">
          <thead>
            <tr>
              <th>{t.number}</th>
              <th>{t.name}</th>
              <th>{t.netKg}</th>
              <th>{t.gross}</th>
              <th>{t.fee}</th>
              <th>{t.credit}</th>
              <th>{t.net}</th>
              <th>{sheet.posted ? t.collected : t.toSavings}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.lines.map((l) => (
              <tr key={l.memberId}>
                <td>{i18n.num(memberNumber(l.memberNumber))}</td>
                <td>{l.nameKm}</td>
                <td className="number">
                  <Quantity milli={l.netG} />
                </td>
                <td className="number">{amount(l.gross)}</td>
                <td className="number">{amount(l.fee)}</td>
                <td className="number">{l.credit > 0 ? amount(l.credit) : null}</td>
                <td className="number">{amount(l.net)}</td>
                <td>
                  {sheet.posted ? (
                    l.method === 'savings' ? (
                      t.toSavings
                    ) : l.paidOn ? (
                      i18n.date(l.paidOn)
                    ) : l.net > 0 ? (
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={ticked.has(l.memberId)}
                          onChange={() => setTicked((s) => flip(s, l.memberId))}
                        />
                        {t.notCollected}
                      </label>
                    ) : null
                  ) : l.canSave ? (
                    <input
                      type="checkbox"
                      aria-label={`${t.toSavings} ${l.nameKm}`}
                      checked={toSavings.has(l.memberId)}
                      onChange={() => setToSavings((s) => flip(s, l.memberId))}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
            <tr className="total">
              <td />
              <td>{t.total}</td>
              <td className="number">
                <Quantity milli={sheet.totals.netG} />
              </td>
              <td className="number">{amount(sheet.totals.gross)}</td>
              <td className="number">{amount(sheet.totals.fee)}</td>
              <td className="number">{amount(sheet.totals.credit)}</td>
              <td className="number">{amount(sheet.totals.net)}</td>
              <td>{sheet.posted ? amount(sheet.totals.uncollected) : null}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      <footer className="batch-footer">
        {sheet?.posted ? (
          <button
            type="button"
            className="primary"
            disabled={ticked.size === 0}
            onClick={() => void collect()}
          >
            {t.collect}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void post()}>
            {t.post}
          </button>
        )}
      </footer>
    </section>
  );
}
