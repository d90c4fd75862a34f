import { memo, type ReactNode, useId } from 'react';
import type { Account } from '../../../shared/ledger';
import { errorSentence } from '../../components/form';
import { AmountInput } from '../../components/money';
import { AccountSelect, MemberPicker } from '../../components/pickers';
import { useI18n } from '../../i18n';
import type { DraftLine, LineField } from './lines';

/**
 * One balance: the account, the member when it is a member account, the amount in that account's
 * currency. Memoised, so that typing in one line of a long file does not redraw the others.
 */
export const OpeningLineRow = memo(function OpeningLineRow({
  line,
  position,
  accounts,
  errors,
  onChange,
  onRemove,
}: {
  line: DraftLine;
  position: number;
  accounts: readonly Account[];
  errors: Partial<Record<LineField, string>> | undefined;
  onChange: (key: number, patch: Partial<DraftLine>) => void;
  onRemove: (key: number) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const o = t.statements.opening;
  const id = useId();
  const account = accounts.find((a) => a.id === line.accountId);
  const n = i18n.num(position);
  const cell = (field: LineField, label: string, input: (aria: AriaProps) => ReactNode) => {
    const error = errors?.[field];
    const aria: AriaProps = {
      id: `${id}-${field}`,
      'aria-invalid': error !== undefined,
      ...(error ? { 'aria-describedby': `${id}-${field}-error` } : {}),
    };
    return (
      <td className={`opening-${field}`}>
        <label className="opening-hidden-label" htmlFor={aria.id}>
          {label} ({i18n.format(o.line, { n: position })})
        </label>
        {input(aria)}
        {error ? (
          <div className="field-error" id={`${id}-${field}-error`}>
            {errorSentence(i18n, error)}
          </div>
        ) : null}
      </td>
    );
  };
  return (
    <tr>
      <td className="opening-position">{n}</td>
      {cell('account', t.statements.account, (aria) => (
        <AccountSelect
          {...aria}
          accounts={accounts}
          value={line.accountId}
          onChange={(accountId) => {
            const next = accounts.find((a) => a.id === accountId);
            // A member belongs only on a member account; the amount stays as typed.
            onChange(
              line.key,
              next?.isControl ? { accountId } : { accountId, memberId: null, memberLabel: '' },
            );
          }}
        />
      ))}
      {account?.isControl ? (
        cell('member', t.statements.member, (aria) => (
          <>
            <MemberPicker
              {...aria}
              value={line.memberId}
              onChange={(memberId) => onChange(line.key, { memberId, memberLabel: '' })}
            />
            {line.memberLabel ? (
              <div className="opening-member-label">{i18n.num(line.memberLabel)}</div>
            ) : null}
          </>
        ))
      ) : (
        <td className="opening-member" />
      )}
      {cell('amount', o.amount, (aria) => (
        <AmountInput
          {...aria}
          value={line.amount}
          currency={account?.currency ?? 'KHR'}
          onChange={(amount) => onChange(line.key, { amount })}
        />
      ))}
      <td className="opening-remove">
        <button
          type="button"
          aria-label={i18n.format(o.removeLine, { n: position })}
          onClick={() => onRemove(line.key)}
        >
          ✕
        </button>
      </td>
    </tr>
  );
});

interface AriaProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}
