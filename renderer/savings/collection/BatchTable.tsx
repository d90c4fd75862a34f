import { memo } from 'react';
import type { Currency } from '../../../shared/khmer';
import { errorSentence } from '../../components/form';
import { AmountInput, Money } from '../../components/money';
import { memberNumber, useI18n } from '../../i18n';
import type { BatchLine } from './batch';

/**
 * The deposits typed so far, the newest on top where the eye already is. Before posting each amount can
 * be corrected and each line removed; after, each line shows its receipt and the member's new balance.
 */
export function BatchTable({
  lines,
  currency,
  posted,
  onAmount,
  onRemove,
  onDone,
}: {
  lines: readonly BatchLine[];
  currency: Currency;
  posted: boolean;
  onAmount: (key: number, amount: number) => void;
  onRemove: (key: number) => void;
  /** Enter in a corrected amount: back to the member field. */
  onDone: () => void;
}) {
  const { t } = useI18n();
  const c = t.savings.collection;
  return (
    <table className="stmt-table batch-table" aria-label={c.lines}>
      <thead>
        <tr>
          <th scope="col" className="batch-position">
            {c.line}
          </th>
          <th scope="col" className="batch-number">
            {c.number}
          </th>
          <th scope="col">{c.name}</th>
          <th scope="col" className="num">
            {c.before}
          </th>
          <th scope="col" className="num batch-amount">
            {c.amount}
          </th>
          {posted ? (
            <>
              <th scope="col">{c.receipt}</th>
              <th scope="col" className="num">
                {c.after}
              </th>
            </>
          ) : (
            <th scope="col" className="batch-remove" />
          )}
        </tr>
      </thead>
      <tbody>
        {lines
          .map((line, index) => (
            <BatchRow
              key={line.key}
              line={line}
              position={index + 1}
              currency={currency}
              posted={posted}
              onAmount={onAmount}
              onRemove={onRemove}
              onDone={onDone}
            />
          ))
          .reverse()}
      </tbody>
    </table>
  );
}

/** One deposit. Memoised: typing a correction in one line of 300 redraws that line only. */
const BatchRow = memo(function BatchRow({
  line,
  position,
  currency,
  posted,
  onAmount,
  onRemove,
  onDone,
}: {
  line: BatchLine;
  position: number;
  currency: Currency;
  posted: boolean;
  onAmount: (key: number, amount: number) => void;
  onRemove: (key: number) => void;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const c = i18n.t.savings.collection;
  const { depositor, receipt } = line;
  const inputId = `batch-amount-${line.key}`;
  const errorId = `${inputId}-error`;
  return (
    <tr className={line.error ? 'batch-row refused' : 'batch-row'}>
      <td className="batch-position">{i18n.num(position)}</td>
      <td className="batch-number">{i18n.num(memberNumber(depositor.memberNumber))}</td>
      <td>
        <span className="name-cell">
          <span>{depositor.nameKm}</span>
          {depositor.nameLatin ? <span className="name-latin">{depositor.nameLatin}</span> : null}
        </span>
      </td>
      <td className="num">
        {depositor.savingsAccountId === null ? (
          <span className="new-account">{c.newAccount}</span>
        ) : (
          <Money amount={depositor.balance} currency={currency} />
        )}
      </td>
      <td className="num batch-amount">
        {posted ? (
          <Money amount={line.amount} currency={currency} />
        ) : (
          // Its own small form: Enter in a corrected amount is done with it, and goes back to the member.
          <form
            className="batch-amount-input"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              onDone();
            }}
          >
            <label className="opening-hidden-label" htmlFor={inputId}>
              {i18n.format(c.lineAmount, { line: position })}
            </label>
            <AmountInput
              id={inputId}
              value={line.amount}
              currency={currency}
              aria-invalid={Boolean(line.error)}
              {...(line.error ? { 'aria-describedby': errorId } : {})}
              onChange={(amount) => onAmount(line.key, amount)}
            />
          </form>
        )}
        {line.error ? (
          <div className="field-error" id={errorId} role="alert">
            {errorSentence(i18n, line.error)}
          </div>
        ) : null}
      </td>
      {posted ? (
        <>
          <td>
            <span className="account-code">{receipt?.receiptNumber}</span>
            {receipt?.opened ? <span className="new-account"> {c.opened}</span> : null}
          </td>
          <td className="num">{receipt ? <Money amount={receipt.balance} currency={currency} /> : null}</td>
        </>
      ) : (
        <td className="batch-remove">
          <button
            type="button"
            className="small"
            aria-label={i18n.format(c.removeLine, { line: position }, { name: depositor.nameKm })}
            onClick={() => onRemove(line.key)}
          >
            ✕
          </button>
        </td>
      )}
    </tr>
  );
});
