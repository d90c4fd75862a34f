import { useCallback, useEffect, useState } from 'react';
import { firstOfMonth, localToday } from '../../../shared/dates';
import type { JournalEntry } from '../../../shared/ledger';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { EntryRows } from './EntryRows';

/**
 * The current month's entries, newest first, each with its lines; an entry that is neither a reversal
 * nor reversed already can be reversed from here. `version` changes whenever something was posted.
 */
export function Journal({ version }: { version: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [reversing, setReversing] = useState<number | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const today = localToday();
    const result = await call('ledger.entries', { from: firstOfMonth(today), to: today, limit: 100 });
    setFailed(!result.ok);
    if (result.ok) setEntries(result.value);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` says the journal changed.
  useEffect(() => {
    setNotice('');
    void load();
  }, [load, version]);

  const byId = new Map((entries ?? []).map((entry) => [entry.id, entry]));
  const refOf = (id: number) => byId.get(id)?.number ?? i18n.format(t.vouchers.journal.entryRef, { id });

  return (
    <section className="journal" aria-labelledby="journal-title">
      <header className="journal-header">
        <h2 id="journal-title">{t.vouchers.journal.title}</h2>
        <span className="muted">{t.vouchers.journal.hint}</span>
      </header>
      {notice ? (
        <div className="banner ok" role="status">
          {notice}
        </div>
      ) : null}
      {failed ? <div className="banner error">{t.errors.unexpected}</div> : null}
      {entries && entries.length === 0 ? <p className="muted">{t.vouchers.journal.empty}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="journal-table">
          <colgroup>
            <col />
            <col className="col-member" />
            <col className="col-amount" />
            <col className="col-amount" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t.vouchers.journal.account}</th>
              <th scope="col">{t.vouchers.journal.member}</th>
              <th scope="col" className="amount">
                {t.vouchers.journal.debit}
              </th>
              <th scope="col" className="amount">
                {t.vouchers.journal.credit}
              </th>
            </tr>
          </thead>
          {entries.map((entry) => (
            <EntryRows
              key={entry.id}
              entry={entry}
              refOf={refOf}
              reversing={reversing === entry.id}
              onReverse={() => setReversing(entry.id)}
              onCancel={() => setReversing(null)}
              onReversed={() => {
                setReversing(null);
                setNotice(i18n.format(t.vouchers.journal.reversed, {}, { ref: refOf(entry.id) }));
                void load();
              }}
            />
          ))}
        </table>
      ) : null}
    </section>
  );
}
