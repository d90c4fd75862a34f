import type { MonthLogRow } from '../../../shared/ledger';
import { useI18n } from '../../i18n';
import { momentLabel, monthLabel } from '../statements/dates';

/** Every close and reopen, newest first, with the reason a reopening gave. */
export function MonthLog({ log }: { log: readonly MonthLogRow[] }) {
  const i18n = useI18n();
  const m = i18n.t.statements.months;
  return (
    <section className="months-panel" aria-label={m.log}>
      <h2>{m.log}</h2>
      {log.length === 0 ? (
        <p className="muted">{m.noLog}</p>
      ) : (
        <div className="stmt-scroll">
          <table className="stmt-table months-log">
            <thead>
              <tr>
                <th scope="col">{m.month}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{m.reasonColumn}</th>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((row) => (
                <tr key={`${row.at}-${row.month}-${row.action}`}>
                  <td>{monthLabel(row.month, i18n)}</td>
                  <td>
                    <span className={`months-badge ${row.action}`}>{m.actions[row.action]}</span>
                  </td>
                  <td className="months-reason">{row.reason}</td>
                  <td className="months-when">{momentLabel(row.at, i18n)}</td>
                  <td>{row.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
