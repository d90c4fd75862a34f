import { useCallback, useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import { formatAmount } from '../../shared/khmer';
import type { MeetingRow } from '../../shared/meetings';
import { ALLOCATION_PARTS, type PayoutMethod, type YearStatus } from '../../shared/yearend';
import { call } from '../api';
import { DateInput, encodeError, errorSentence, Field } from '../components/form';
import { useI18n } from '../i18n';
import { PrintPanel } from '../meetings/PrintPanel';
import { useCan } from '../users/roles';

/**
 * A fiscal year's end: its open months, the allocation of its surplus by the by-law (proposed, or as
 * closed), each member's dividend and patronage refund, the close once a general assembly approved it,
 * and the payout in cash or to savings.
 */
export function YearEndScreen({ fiscalYearStartMonth }: { fiscalYearStartMonth: number }) {
  const i18n = useI18n();
  const y = i18n.t.meetings.year;
  const today = localToday();
  const lastEnded =
    Number(today.slice(5, 7)) >= fiscalYearStartMonth
      ? Number(today.slice(0, 4)) - 1
      : Number(today.slice(0, 4)) - 2;
  const [year, setYear] = useState(lastEnded);
  const [status, setStatus] = useState<YearStatus | null>(null);
  const [assemblies, setAssemblies] = useState<MeetingRow[]>([]);
  const [meetingId, setMeetingId] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [payout, setPayout] = useState<{ date: string; method: PayoutMethod }>({
    date: today,
    method: 'savings',
  });
  const [banner, setBanner] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const canApprove = useCan('approve');
  const canEnter = useCan('enter');
  const money = (amount: number) => formatAmount(amount, 'KHR', { digits: i18n.digits, brackets: true });
  const refuse = (error: AppError) =>
    setBanner({
      kind: 'error',
      text: error.code === 'unexpected' ? i18n.t.errors.unexpected : errorSentence(i18n, encodeError(error)),
    });

  const load = useCallback(async () => {
    const [result, meetings] = await Promise.all([call('year.status', { year }), call('meetings.list', {})]);
    if (result.ok) setStatus(result.value);
    if (meetings.ok)
      setAssemblies(meetings.value.filter((m) => m.kind === 'general_assembly' && m.held && m.quorumMet));
  }, [year]);
  useEffect(() => {
    setBanner(null);
    void load();
  }, [load]);

  const close = async () => {
    setConfirming(false);
    const result = await call('year.close', { year, meetingId });
    if (!result.ok) return refuse(result.error);
    setStatus(result.value);
    setBanner({ kind: 'ok', text: i18n.format(y.closedNow, { year }) });
  };
  const pay = async () => {
    const result = await call('year.pay', { year, date: payout.date, method: payout.method, memberIds: [] });
    if (!result.ok) return refuse(result.error);
    setBanner({
      kind: 'ok',
      text: i18n.format(y.paidNow, { n: result.value.members }, { total: money(result.value.total) }),
    });
    void load();
  };

  const years = Array.from({ length: 8 }, (_, i) => lastEnded + 1 - i);
  const allocation = status?.allocation;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{y.title}</h1>
        <label className="inline-field">
          {y.year}{' '}
          <select aria-label={y.year} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((v) => (
              <option key={v} value={v}>
                {i18n.num(v)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {status && allocation ? (
        <div className="panel scroll year-end">
          <p>
            {i18n.format(y.span, {}, { from: i18n.date(status.from), to: i18n.date(status.to) })} ·{' '}
            {status.openMonths.length > 0
              ? i18n.format(
                  y.openMonths,
                  {},
                  { months: status.openMonths.map((m) => i18n.num(m)).join(', ') },
                )
              : y.allMonthsClosed}
          </p>
          {status.closed ? (
            <p className="banner ok">
              {i18n.format(
                y.closed,
                {},
                {
                  date: i18n.date(status.closed.closedAt.slice(0, 10)),
                  by: status.closed.closedBy,
                  meeting: status.closed.meetingNumber,
                },
              )}
            </p>
          ) : null}
          <h2>{status.closed ? y.allocation : y.preview}</h2>
          <table className="stmt-table allocation-table">
            <tbody>
              <tr className="total">
                <th scope="row">{y.surplus}</th>
                <td className="num">{money(allocation.surplus)}</td>
              </tr>
              {allocation.lossCovered > 0 ? (
                <tr>
                  <th scope="row">{y.lossCovered}</th>
                  <td className="num">{money(allocation.lossCovered)}</td>
                </tr>
              ) : null}
              {ALLOCATION_PARTS.map((part) => (
                <tr key={part}>
                  <th scope="row">{y.parts[part]}</th>
                  <td className="num">{money(allocation.parts[part])}</td>
                </tr>
              ))}
              {allocation.resultUsd !== 0 ? (
                <tr>
                  <th scope="row">{y.usd}</th>
                  <td className="num">
                    {formatAmount(allocation.resultUsd, 'USD', { digits: i18n.digits, brackets: true })}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="muted">{y.inputsOnly}</p>

          {!status.closed && canApprove ? (
            <div className="toolbar">
              <Field label={y.meeting}>
                {(aria) => (
                  <select {...aria} value={meetingId} onChange={(e) => setMeetingId(Number(e.target.value))}>
                    <option value={0}>{y.chooseMeeting}</option>
                    {assemblies.map((m) => (
                      <option key={m.id} value={m.id}>
                        {`${m.number} · ${i18n.date(m.date)}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {confirming ? (
                <div className="confirm" role="alertdialog" aria-label={y.close}>
                  <p>{i18n.format(y.confirm, { year })}</p>
                  <button type="button" className="primary danger" onClick={() => void close()}>
                    {y.yes}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    {y.no}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="primary"
                  disabled={meetingId === 0}
                  onClick={() => setConfirming(true)}
                >
                  {y.close}
                </button>
              )}
            </div>
          ) : null}
          {banner ? (
            <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
              {banner.text}
            </div>
          ) : null}

          <h2>
            {y.members} ({i18n.num(status.distributions.length)})
          </h2>
          {status.closed && canEnter && status.distributions.some((d) => d.paidOn === null) ? (
            <div className="toolbar">
              <Field label={y.payDate}>
                {(aria) => (
                  <DateInput
                    {...aria}
                    value={payout.date}
                    onChange={(date) => setPayout({ ...payout, date })}
                    onBlur={() => undefined}
                  />
                )}
              </Field>
              <Field label={y.method}>
                {(aria) => (
                  <select
                    {...aria}
                    value={payout.method}
                    onChange={(e) =>
                      setPayout({ ...payout, method: e.target.value === 'cash' ? 'cash' : 'savings' })
                    }
                  >
                    <option value="savings">{y.methods.savings}</option>
                    <option value="cash">{y.methods.cash}</option>
                  </select>
                )}
              </Field>
              <button type="button" className="primary" onClick={() => void pay()}>
                {y.pay}
              </button>
            </div>
          ) : null}
          <PrintPanel
            requests={[
              { label: y.print.annual, request: { report: 'annual-report', year, lang: i18n.language } },
              ...(status.closed
                ? [
                    {
                      label: y.print.payout,
                      request: { report: 'dividend-payout' as const, year, lang: i18n.language },
                    },
                  ]
                : []),
            ]}
          />
          <table className="stmt-table distributions">
            <thead>
              <tr>
                {y.memberHeader.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.distributions.map((d) => (
                <tr key={d.memberId}>
                  <td className="num">{i18n.num(d.memberNumber)}</td>
                  <td>{d.nameKm}</td>
                  <td className="num">{i18n.num(d.shares)}</td>
                  <td className="num">{money(d.business)}</td>
                  <td className="num">{money(d.dividend)}</td>
                  <td className="num">{money(d.patronage)}</td>
                  <td>
                    {d.paidHow && d.paidOn
                      ? i18n.format(y.paid[d.paidHow], {}, { date: i18n.date(d.paidOn) })
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
