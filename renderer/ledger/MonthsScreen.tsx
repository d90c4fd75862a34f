import { Fragment, useCallback, useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { MonthLogRow, MonthStatus } from '../../shared/ledger';
import { call } from '../api';
import { useI18n } from '../i18n';
import { useCan } from '../users/roles';
import { MonthLog } from './months/MonthLog';
import { ReopenForm } from './months/ReopenForm';
import { momentLabel, monthLabel } from './statements/dates';
import { refusalText } from './statements/refusal';

/** Month close: a closed month takes no postings; reopening one is written down with its reason. */
export function MonthsScreen() {
  const i18n = useI18n();
  // Closing and reopening are the board's (and the administrator's); everyone else sees the months.
  const mayApprove = useCan('approve');
  const m = i18n.t.statements.months;
  const [months, setMonths] = useState<MonthStatus[]>([]);
  const [log, setLog] = useState<MonthLogRow[]>([]);
  const [reopening, setReopening] = useState<string | null>(null);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await call('ledger.months', {});
    if (!result.ok) {
      setBanner({ ok: false, text: refusalText(i18n, result.error) });
      return;
    }
    setMonths(result.value.months);
    setLog(result.value.log);
  }, [i18n]);

  useEffect(() => {
    void load();
  }, [load]);

  const close = async (month: string) => {
    setReopening(null);
    const result = await call('ledger.closeMonth', { month });
    setBanner(
      result.ok
        ? { ok: true, text: i18n.format(m.closedNotice, { month: monthLabel(month, i18n) }) }
        : { ok: false, text: refusalText(i18n, result.error) },
    );
    await load();
  };

  const reopened = async (month: string) => {
    setReopening(null);
    setBanner({ ok: true, text: i18n.format(m.reopenedNotice, { month: monthLabel(month, i18n) }) });
    await load();
  };

  // A month can be closed once it has ended; the main process refuses the current one too.
  const thisMonth = localToday().slice(0, 7);

  return (
    <section className="screen months-screen">
      <header className="screen-header">
        <h1>{i18n.t.nav.months}</h1>
      </header>
      <p className="muted">{m.intro}</p>
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      <div className="months-body">
        <section className="months-panel" aria-label={i18n.t.nav.months}>
          <div className="stmt-scroll">
            <table className="stmt-table months-table">
              <thead>
                <tr>
                  <th scope="col">{m.month}</th>
                  <th scope="col" className="num">
                    {m.entries}
                  </th>
                  <th scope="col">{m.status}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {months.map((row) => {
                  const label = monthLabel(row.month, i18n);
                  return (
                    <Fragment key={row.month}>
                      <tr className={row.closed ? 'months-row months-closed' : 'months-row'}>
                        <th scope="row" className="months-month">
                          {label}
                        </th>
                        <td className="num">{i18n.num(row.entries)}</td>
                        <td>
                          {row.closed ? (
                            <span className="months-badge close">
                              {row.closedAt
                                ? i18n.format(m.closedOn, { date: momentLabel(row.closedAt, i18n) })
                                : m.closed}
                            </span>
                          ) : (
                            <span className="months-badge open">{m.open}</span>
                          )}
                        </td>
                        <td className="months-action">
                          {!mayApprove ? null : row.closed ? (
                            <button
                              type="button"
                              aria-label={i18n.format(m.reopenMonth, { month: label })}
                              aria-expanded={reopening === row.month}
                              onClick={() => setReopening(row.month)}
                            >
                              {m.reopen}
                            </button>
                          ) : row.month < thisMonth ? (
                            <button
                              type="button"
                              className="primary"
                              aria-label={i18n.format(m.closeMonth, { month: label })}
                              onClick={() => void close(row.month)}
                            >
                              {m.close}
                            </button>
                          ) : (
                            <span className="muted">{m.notEnded}</span>
                          )}
                        </td>
                      </tr>
                      {reopening === row.month ? (
                        <tr className="months-reopen-row">
                          <td colSpan={4}>
                            <ReopenForm
                              month={row.month}
                              onReopened={() => void reopened(row.month)}
                              onCancel={() => setReopening(null)}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <MonthLog log={log} />
      </div>
    </section>
  );
}
