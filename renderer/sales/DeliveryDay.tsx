import { useRef, useState } from 'react';
import { localToday } from '../../shared/dates';
import { parseQuantity } from '../../shared/inputs';
import { type CampaignSummary, type DeliveryInput, netWeight } from '../../shared/sales';
import type { MemberRow } from '../../shared/schemas';
import { call } from '../api';
import { useCtrlEnter } from '../components/batch';
import { DateInput } from '../components/form';
import { Quantity } from '../components/quantity';
import { memberNumber, useI18n } from '../i18n';
import { MemberSearch } from '../inputs/MemberSearch';
import { Banner, Labelled, refusalText } from './parts';

interface Row {
  /** Stays with the row when another is removed. */
  key: number;
  member: MemberRow;
  gross: string;
  kind: 'kg' | 'percent';
  deduction: string;
  consent: boolean;
}

const deductionOf = (row: Row) =>
  row.deduction.trim() === ''
    ? 0
    : row.kind === 'kg'
      ? parseQuantity(row.deduction)
      : (parseQuantity(row.deduction) ?? Number.NaN) / 10;

/**
 * A morning at the scale, like a collection day: the member by number or name, the gross weight and the
 * deduction, Enter for the next member, Ctrl+Enter posts every delivery in one transaction.
 */
export function DeliveryDay({ campaign, onPosted }: { campaign: CampaignSummary; onPosted: () => void }) {
  const i18n = useI18n();
  const t = i18n.t.sales.day;
  const [date, setDate] = useState(localToday());
  const [rows, setRows] = useState<Row[]>([]);
  const [banner, setBanner] = useState('');
  const [notice, setNotice] = useState('');
  const [posting, setPosting] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const keys = useRef(0);
  const update = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const nextOnEnter = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      search.current?.focus();
    }
  };
  const post = async () => {
    if (posting || rows.length === 0) return;
    const deliveries: DeliveryInput[] = rows.map((r) => ({
      memberId: r.member.id,
      grossG: parseQuantity(r.gross) ?? Number.NaN,
      deductionKind: r.kind,
      deductionValue: deductionOf(r) ?? Number.NaN,
      consent: r.consent,
    }));
    const bad = deliveries.findIndex(
      (d) => !Number.isInteger(d.grossG) || d.grossG <= 0 || !Number.isInteger(d.deductionValue),
    );
    if (bad >= 0) {
      setBanner(
        `${i18n.format(i18n.t.inputs.line, { n: bad + 1 })} · ${t.gross}: ${i18n.t.errors.quantity_invalid}`,
      );
      return;
    }
    setPosting(true);
    const result = await call('sales.deliveryDay', { campaignId: campaign.id, date, deliveries });
    setPosting(false);
    if (!result.ok) {
      const line = result.error.params?.line;
      const where = typeof line === 'number' ? `${i18n.format(i18n.t.inputs.line, { n: line + 1 })} · ` : '';
      setBanner(where + refusalText(i18n, result.error, campaign.currency));
      return;
    }
    setBanner('');
    setRows([]);
    const numbers = result.value.numbers;
    setNotice(
      i18n.format(
        t.posted,
        { count: result.value.count },
        { first: numbers[0] ?? '', last: numbers.at(-1) ?? '' },
      ),
    );
    onPosted();
  };
  useCtrlEnter(post);
  const total = rows.reduce((s, r) => {
    const gross = parseQuantity(r.gross);
    const deduction = deductionOf(r);
    return gross && deduction !== null && Number.isInteger(deduction)
      ? s + Math.max(netWeight(gross, r.kind, deduction), 0)
      : s;
  }, 0);
  return (
    <section className="sales-day" aria-label={i18n.t.sales.tabs.deliveries}>
      <Banner text={banner} kind="error" />
      <Banner text={notice} kind="ok" />
      <p className="hint">{t.hint}</p>
      <div className="form-grid">
        <Labelled id="delivery-date" label={t.date}>
          <DateInput
            id="delivery-date"
            value={date}
            onChange={setDate}
            onBlur={() => undefined}
            aria-invalid={false}
          />
        </Labelled>
        <Labelled id="delivery-member" label={t.member}>
          <MemberSearch
            id="delivery-member"
            inputRef={search}
            label={t.member}
            onChoose={(member) => {
              setNotice('');
              setRows((all) => [
                ...all,
                { key: keys.current++, member, gross: '', kind: 'percent', deduction: '', consent: false },
              ]);
              setTimeout(() => document.getElementById(`delivery-gross-${rows.length}`)?.focus(), 0);
            }}
          />
        </Labelled>
      </div>
      <table className="data-table sales-day-table">
        <thead>
          <tr>
            <th>{i18n.t.sales.payout.number}</th>
            <th>{i18n.t.sales.payout.name}</th>
            <th>{t.gross}</th>
            <th>{t.deduction}</th>
            <th>{t.consent}</th>
            <th>{t.net}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const gross = parseQuantity(row.gross);
            const deduction = deductionOf(row);
            const net =
              gross && deduction !== null && Number.isInteger(deduction)
                ? netWeight(gross, row.kind, deduction)
                : null;
            return (
              <tr key={row.key}>
                <td>{i18n.num(memberNumber(row.member.number))}</td>
                <td>{row.member.nameKm}</td>
                <td>
                  <input
                    id={`delivery-gross-${index}`}
                    aria-label={`${t.gross} ${index + 1}`}
                    inputMode="decimal"
                    value={row.gross}
                    onChange={(e) => update(index, { gross: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey) {
                        e.preventDefault();
                        document.getElementById(`delivery-deduction-${index}`)?.focus();
                      }
                    }}
                  />
                </td>
                <td className="deduction-cell">
                  <input
                    id={`delivery-deduction-${index}`}
                    aria-label={`${t.deduction} ${index + 1}`}
                    inputMode="decimal"
                    value={row.deduction}
                    onChange={(e) => update(index, { deduction: e.target.value })}
                    onKeyDown={nextOnEnter}
                  />
                  <select
                    aria-label={`${t.deduction} ${index + 1} ${t.kg}/${t.percent}`}
                    value={row.kind}
                    onChange={(e) => update(index, { kind: e.target.value === 'kg' ? 'kg' : 'percent' })}
                  >
                    <option value="percent">{t.percent}</option>
                    <option value="kg">{t.kg}</option>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t.consent} ${index + 1}`}
                    checked={row.consent}
                    disabled={campaign.currency !== 'KHR'}
                    onChange={(e) => update(index, { consent: e.target.checked })}
                    onKeyDown={nextOnEnter}
                  />
                </td>
                <td className="number">{net !== null && net > 0 ? <Quantity milli={net} /> : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={i18n.format(t.remove, { n: index + 1 })}
                    onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <footer className="batch-footer">
        <span>
          {t.count}: {i18n.num(rows.length)} · {t.total}: <Quantity milli={total} /> {t.kg}
        </span>
        <button
          type="button"
          className="primary"
          disabled={posting || rows.length === 0}
          onClick={() => void post()}
        >
          {posting ? t.posting : t.post}
        </button>
      </footer>
    </section>
  );
}
