import { useEffect, useState } from 'react';
import type { JournalEntry } from '../../../shared/ledger';
import { call } from '../../api';
import { Money } from '../../components/money';
import { useI18n } from '../../i18n';

// The interest entry is the newest of its day right after posting: a few entries of that day suffice.
const SAME_DAY_ENTRIES = 20;

/**
 * The entry an interest run posted, as the journal holds it: the expense on one side, the savings
 * control account on the other (one line per member, summed here per account).
 */
export function PostedEntry({ entryId, date }: { entryId: number; date: string }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const n = t.savings.interest;
  const [entry, setEntry] = useState<JournalEntry | null>(null);

  useEffect(() => {
    let current = true;
    void call('ledger.entries', { from: date, to: date, limit: SAME_DAY_ENTRIES }).then((result) => {
      if (current && result.ok) setEntry(result.value.find((e) => e.id === entryId) ?? null);
    });
    return () => {
      current = false;
    };
  }, [entryId, date]);

  if (!entry) return null;
  const byAccount = new Map<
    number,
    { line: JournalEntry['lines'][number]; amount: number; members: number }
  >();
  for (const line of entry.lines) {
    const sum = byAccount.get(line.accountId) ?? { line, amount: 0, members: 0 };
    sum.amount += line.amount;
    if (line.memberId !== null) sum.members += 1;
    byAccount.set(line.accountId, sum);
  }
  return (
    <section
      className="interest-entry"
      aria-label={i18n.format(n.entry, { id: entry.id, date: i18n.date(date) })}
    >
      <div className="interest-entry-head">
        <h2>{i18n.format(n.entry, { id: entry.id, date: i18n.date(entry.date) })}</h2>
        <span className="muted">{entry.memo}</span>
      </div>
      <table className="stmt-table stmt-narrow">
        <thead>
          <tr>
            <th scope="col">{n.account}</th>
            <th scope="col" className="num">
              {n.debit}
            </th>
            <th scope="col" className="num">
              {n.credit}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...byAccount.values()].map(({ line, amount, members }) => (
            <tr key={line.accountId}>
              <td>
                <span className="account-code">{line.accountCode}</span>{' '}
                {language === 'km' ? line.accountNameKm : line.accountNameEn}
                {members > 0 ? (
                  <span className="muted"> ({i18n.format(n.members, { n: members })})</span>
                ) : null}
              </td>
              <td className="num">
                {amount > 0 ? <Money amount={amount} currency={line.currency} /> : null}
              </td>
              <td className="num">
                {amount < 0 ? <Money amount={-amount} currency={line.currency} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
