import { useState } from 'react';
import type { AppError } from '../../shared/errors';
import type { Account } from '../../shared/ledger';
import { call } from '../api';
import { encodeError, errorSentence } from '../components/form';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { ForRole } from '../users/roles';
import { AccountForm } from './accounts/AccountForm';
import { AccountRow, type RowAction } from './accounts/AccountRow';
import { chartSections } from './accounts/chart';

/** The chart of accounts: every account under its type and group, to add, rename, deactivate or delete. */
export function AccountsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const text = t.vouchers.accounts;
  const { accounts, reload } = useAccounts();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [refusal, setRefusal] = useState('');
  const [highlighted, setHighlighted] = useState<number | null>(null);

  const done = async (template: string, account: Account) => {
    setRefusal('');
    setNotice(i18n.format(template, {}, { code: account.code }));
    setHighlighted(account.id);
    await reload();
  };
  const refused = (error: AppError) => {
    setNotice('');
    setRefusal(error.code === 'unexpected' ? t.errors.unexpected : errorSentence(i18n, encodeError(error)));
  };

  const act = async (action: RowAction) => {
    if (action.kind === 'renamed') {
      await done(text.renamed, action.account);
    } else if (action.kind === 'active') {
      const result = await call('ledger.setAccountActive', { id: action.account.id, active: action.active });
      if (result.ok) await done(result.value.active ? text.activated : text.deactivated, result.value);
      else refused(result.error);
    } else {
      const result = await call('ledger.deleteAccount', { id: action.account.id });
      if (result.ok) await done(text.deleted, action.account);
      else refused(result.error);
    }
  };

  return (
    <section className="screen accounts-screen">
      <header className="screen-header">
        <h1>{text.title}</h1>
        {adding ? null : (
          <ForRole needs="enter">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setNotice('');
                setRefusal('');
                setAdding(true);
              }}
            >
              + {text.add}
            </button>
          </ForRole>
        )}
      </header>
      {notice ? (
        <div className="banner ok" role="status">
          {notice}
        </div>
      ) : null}
      {refusal ? (
        <div className="banner error" role="alert">
          {refusal}
        </div>
      ) : null}
      {adding ? (
        <AccountForm
          accounts={accounts}
          onCreated={(account) => {
            setAdding(false);
            void done(text.created, account);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <div className="chart-scroll">
        <table className="chart-table" aria-label={text.title}>
          <thead>
            <tr>
              <th scope="col">{text.code}</th>
              <th scope="col">{text.nameKm}</th>
              <th scope="col">{text.nameEn}</th>
              <th scope="col">{text.currency}</th>
              <th scope="col">{text.isControl}</th>
              <th scope="col">{text.money}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.postings}</th>
              <th scope="col">{text.actions}</th>
            </tr>
          </thead>
          {chartSections(accounts).map((section) => (
            <tbody key={section.type} aria-label={text.types[section.type]}>
              <tr className="chart-section">
                <th scope="rowgroup" colSpan={9}>
                  {text.types[section.type]}
                </th>
              </tr>
              {section.rows.map((row) => (
                <AccountRow
                  key={row.account.id}
                  row={row}
                  highlighted={row.account.id === highlighted}
                  onAction={(action) => void act(action)}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
