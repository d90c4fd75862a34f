import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../shared/ledger';
import { useI18n } from '../../i18n';
import { type ChartRow, canDelete } from './chart';
import { RenameForm } from './RenameForm';

export type RowAction =
  | { kind: 'renamed'; account: Account }
  | { kind: 'active'; account: Account; active: boolean }
  | { kind: 'delete'; account: Account };

/** One account of the chart, with what may be done to it; renaming and deleting are asked in place. */
export function AccountRow({
  row,
  highlighted,
  onAction,
}: {
  row: ChartRow;
  highlighted: boolean;
  onAction: (action: RowAction) => void;
}) {
  const i18n = useI18n();
  const text = i18n.t.vouchers.accounts;
  const { account } = row;
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const element = useRef<HTMLTableRowElement>(null);
  // The account just added or changed is brought into view: the chart is longer than the screen.
  useEffect(() => {
    if (highlighted) element.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const isGroup = account.currency === null;
  const classes = [
    'chart-row',
    isGroup ? 'group' : '',
    account.active ? '' : 'inactive',
    highlighted ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const money = account.isCash ? text.moneyKinds.cash : account.isBank ? text.moneyKinds.bank : '';

  return (
    <tr className={classes} ref={element}>
      <td className="account-code">{account.code}</td>
      {mode === 'rename' ? (
        <td colSpan={2}>
          <RenameForm
            account={account}
            onRenamed={(renamed) => {
              setMode('view');
              onAction({ kind: 'renamed', account: renamed });
            }}
            onCancel={() => setMode('view')}
          />
        </td>
      ) : (
        <>
          <td className={`depth-${Math.min(row.depth, 3)}`} lang="km">
            {account.nameKm}
          </td>
          <td lang="en">{account.nameEn}</td>
        </>
      )}
      <td className="nowrap">{isGroup ? text.group : account.currency}</td>
      <td>{account.isControl ? text.member : ''}</td>
      <td>{money}</td>
      <td>
        <span className={account.active ? 'status-badge' : 'status-badge left'}>
          {account.active ? text.active : text.inactive}
        </span>
      </td>
      <td>{isGroup ? '' : account.hasPostings ? text.yes : text.no}</td>
      <td className="row-actions">
        {mode === 'delete' ? (
          <span className="confirm">
            <span>{i18n.format(text.confirmDelete, {}, { code: account.code })}</span>
            <button
              type="button"
              className="small primary danger"
              onClick={() => onAction({ kind: 'delete', account })}
            >
              {text.confirmDeleteYes}
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the delete button went away; keep the keyboard here. */}
            <button type="button" className="small" autoFocus onClick={() => setMode('view')}>
              {i18n.t.common.cancel}
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="small"
              onClick={() => setMode('rename')}
              disabled={mode === 'rename'}
            >
              {text.rename}
            </button>
            {/* A group takes no postings, so there is nothing for deactivating it to stop. */}
            {isGroup ? null : (
              <button
                type="button"
                className="small"
                onClick={() => onAction({ kind: 'active', account, active: !account.active })}
              >
                {account.active ? text.deactivate : text.activate}
              </button>
            )}
            {canDelete(row) ? (
              <button type="button" className="small" onClick={() => setMode('delete')}>
                {text.delete}
              </button>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}
