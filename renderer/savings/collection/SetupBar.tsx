import type { Account } from '../../../shared/ledger';
import type { SavingsProduct } from '../../../shared/savings';
import { DateInput, Field } from '../../components/form';
import { AccountSelect } from '../../components/pickers';
import { useI18n } from '../../i18n';
import { isMoneyAccount } from '../../ledger/vouchers/formSupport';

export interface BatchSetup {
  productId: number | null;
  date: string;
  cashAccountId: number | null;
}

export type SetupErrors = Partial<Record<keyof BatchSetup, string>>;

/** What the whole morning shares, chosen once: the product, the day, and where the cash goes. */
export function SetupBar({
  products,
  accounts,
  setup,
  errors,
  locked,
  onChange,
}: {
  products: readonly SavingsProduct[];
  accounts: readonly Account[];
  setup: BatchSetup;
  errors: SetupErrors;
  /** Lines typed for one product cannot move to another: their balances and minimums are that product's. */
  locked: boolean;
  onChange: (patch: Partial<BatchSetup>) => void;
}) {
  const { t, language } = useI18n();
  const c = t.savings.collection;
  const product = products.find((p) => p.id === setup.productId);
  const error = (name: keyof BatchSetup) => {
    const message = errors[name];
    return message ? { type: 'validate', message } : undefined;
  };
  return (
    <div className="batch-setup">
      <Field
        label={c.product}
        error={error('productId')}
        hint={locked ? c.productLocked : undefined}
        required
      >
        {(aria) => (
          <select
            {...aria}
            value={setup.productId ?? ''}
            disabled={locked}
            onChange={(event) => onChange({ productId: Number(event.target.value) })}
          >
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {language === 'km' ? p.nameKm : p.nameEn} ({p.currency})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={c.date} error={error('date')} required>
        {(aria) => (
          <DateInput
            {...aria}
            value={setup.date}
            onChange={(date) => onChange({ date })}
            onBlur={() => undefined}
          />
        )}
      </Field>
      <Field label={c.cashAccount} error={error('cashAccountId')} required>
        {(aria) => (
          <AccountSelect
            {...aria}
            accounts={accounts}
            value={setup.cashAccountId}
            onChange={(cashAccountId) => onChange({ cashAccountId })}
            filter={(a) => isMoneyAccount(a) && a.currency === product?.currency}
          />
        )}
      </Field>
    </div>
  );
}
