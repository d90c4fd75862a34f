import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { type Account, currencySchema } from '../../../shared/ledger';
import type { MemberRow } from '../../../shared/schemas';
import { DateInput, Field } from '../../components/form';
import { AccountSelect, MemberPicker } from '../../components/pickers';
import { useI18n } from '../../i18n';
import { INPUTS, type QueryErrors, type QueryField, STATEMENT_KINDS, type StatementQuery } from './query';

const asFieldError = (code: string | undefined): FieldError | undefined =>
  code === undefined ? undefined : { type: 'validate', message: code };

/**
 * The choice of statement and the inputs it needs. A choice from a list shows the statement at once;
 * typed dates take effect with Enter or the Show button, so that half a date is never sent.
 */
export function QueryBar({
  query,
  errors,
  accounts,
  onChange,
  onShow,
}: {
  query: StatementQuery;
  errors: QueryErrors;
  accounts: readonly Account[];
  onChange: (patch: Partial<StatementQuery>, options: { apply: boolean; member?: MemberRow | null }) => void;
  onShow: () => void;
}) {
  const { t } = useI18n();
  const s = t.statements;
  const labels: Record<QueryField, string> = {
    asOf: s.asOf,
    from: s.from,
    to: s.to,
    currency: s.currency,
    accountId: query.kind === 'memberBalance' ? s.controlAccount : s.account,
    memberId: s.member,
  };
  const input = (field: QueryField): ReactNode => (
    <div key={field} className={`stmt-input stmt-input-${field}`}>
      <Field label={labels[field]} error={asFieldError(errors[field])}>
        {(aria) => {
          switch (field) {
            case 'asOf':
            case 'from':
            case 'to':
              return (
                <DateInput
                  {...aria}
                  value={query[field]}
                  onChange={(value) => onChange({ [field]: value }, { apply: false })}
                  onBlur={() => undefined}
                />
              );
            case 'currency':
              return (
                <select
                  {...aria}
                  value={query.currency}
                  onChange={(event) =>
                    onChange({ currency: currencySchema.parse(event.target.value) }, { apply: true })
                  }
                >
                  {currencySchema.options.map((currency) => (
                    <option key={currency} value={currency}>
                      {s.currencies[currency]}
                    </option>
                  ))}
                </select>
              );
            case 'accountId':
              return (
                <AccountSelect
                  {...aria}
                  accounts={accounts}
                  value={query.accountId}
                  includeInactive
                  filter={query.kind === 'memberBalance' ? (account) => account.isControl : undefined}
                  onChange={(accountId) => onChange({ accountId }, { apply: true })}
                />
              );
            case 'memberId':
              return (
                <MemberPicker
                  {...aria}
                  value={query.memberId}
                  includeFormer
                  onChange={(memberId, member) => onChange({ memberId }, { apply: true, member })}
                />
              );
          }
        }}
      </Field>
    </div>
  );
  return (
    <form
      className="toolbar stmt-query"
      noValidate
      aria-label={s.title}
      onSubmit={(event) => {
        event.preventDefault();
        onShow();
      }}
    >
      <div className="stmt-input stmt-input-kind">
        <Field label={s.kind}>
          {(aria) => (
            <select
              {...aria}
              value={query.kind}
              onChange={(event) => {
                const kind = STATEMENT_KINDS.find((k) => k === event.target.value);
                if (kind) onChange({ kind }, { apply: true });
              }}
            >
              {STATEMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {s.kinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {INPUTS[query.kind].map(input)}
      <button type="submit" className="primary stmt-show">
        {s.show}
      </button>
    </form>
  );
}
