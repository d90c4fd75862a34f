import type { JournalEntry } from '../../../shared/ledger';
import { Money } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';
import { ReverseForm } from './ReverseForm';

// An entry's kind names the business event that posted it; kinds this screen has no word for yet (from
// later modules) are shown as the ledger wrote them.
function useKindLabel(): (kind: string) => string {
  const { t } = useI18n();
  const kinds: Record<string, string> = t.vouchers.journal.kinds;
  return (kind) => kinds[kind] ?? kind;
}

/** One journal entry: a heading row (date, number, kind, memo, state) and one row per line. */
export function EntryRows({
  entry,
  refOf,
  reversing,
  onReverse,
  onCancel,
  onReversed,
}: {
  entry: JournalEntry;
  refOf: (id: number) => string;
  reversing: boolean;
  onReverse: () => void;
  onCancel: () => void;
  onReversed: () => void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const kindLabel = useKindLabel();
  const ref = refOf(entry.id);
  // The main process records an unnamed bookkeeper under this fixed word.
  const who = entry.createdBy === 'bookkeeper' ? t.vouchers.journal.bookkeeper : entry.createdBy;
  const reversible = entry.reversesId === null && entry.reversedById === null;
  return (
    <tbody className={entry.reversedById === null ? 'entry' : 'entry reversed'} aria-label={ref}>
      <tr className="entry-head">
        <td colSpan={3}>
          <span className="entry-number">{ref}</span>
          <span className="entry-date">{i18n.date(entry.date)}</span>
          <span className={`kind-badge ${entry.kind}`}>
            {entry.reversesId === null
              ? kindLabel(entry.kind)
              : i18n.format(t.vouchers.journal.reverses, {}, { ref: refOf(entry.reversesId) })}
          </span>
          <span className="entry-memo">{entry.memo}</span>
          {entry.party ? (
            <span className="entry-party">
              {i18n.format(t.vouchers.journal.party, {}, { party: entry.party })}
            </span>
          ) : null}
          <span className="entry-state">
            {entry.reversedById !== null ? (
              <span className="state-badge reversed">
                {i18n.format(t.vouchers.journal.reversedBy, {}, { ref: refOf(entry.reversedById) })}
              </span>
            ) : null}
            <span className="entry-who">{i18n.format(t.vouchers.journal.recordedBy, {}, { who })}</span>
          </span>
        </td>
        <td className="amount">
          {reversible && !reversing ? (
            <button type="button" className="small" onClick={onReverse}>
              {t.vouchers.journal.reverse}
            </button>
          ) : null}
        </td>
      </tr>
      {entry.lines.map((line, index) => (
        <tr
          // biome-ignore lint/suspicious/noArrayIndexKey: an entry's lines never change order once posted.
          key={index}
          className="entry-line"
        >
          <td>
            <span className="account-code">{line.accountCode}</span>{' '}
            {language === 'km' ? line.accountNameKm : line.accountNameEn}
          </td>
          <td>
            {line.memberNumber === null ? null : (
              <>
                {i18n.num(memberNumber(line.memberNumber))} {line.memberNameKm}
              </>
            )}
          </td>
          <td className="amount">
            {line.amount > 0 ? <Money amount={line.amount} currency={line.currency} /> : null}
          </td>
          <td className="amount">
            {line.amount < 0 ? <Money amount={-line.amount} currency={line.currency} /> : null}
          </td>
        </tr>
      ))}
      {reversing ? (
        <tr className="entry-reverse">
          <td colSpan={4}>
            <ReverseForm
              entryId={entry.id}
              title={i18n.format(t.vouchers.journal.reverseTitle, {}, { ref })}
              onReversed={onReversed}
              onCancel={onCancel}
            />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
