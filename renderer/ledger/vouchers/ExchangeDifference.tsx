import type { Currency } from '../../../shared/khmer';
import type { Account } from '../../../shared/ledger';
import { Money } from '../../components/money';
import { accountLabel } from '../../components/pickers';
import { useI18n } from '../../i18n';

/**
 * What the rate gives for the amount, and how far what arrived is from it: that difference is posted to
 * the exchange-difference account of the arriving currency (main/ledger/vouchers.ts), so it is shown first.
 */
export function ExchangeDifference({
  accounts,
  currency,
  computed,
  received,
}: {
  accounts: readonly Account[];
  currency: Currency;
  computed: number | null;
  received: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (computed === null) return null;
  const difference = Number.isSafeInteger(received) ? computed - received : null;
  const account = accounts.find((a) => a.role === `exchange_difference_${currency.toLowerCase()}`);
  return (
    <output className="exchange-summary wide" aria-live="polite">
      <span className="summary-label">{t.vouchers.computed}</span>
      <Money amount={computed} currency={currency} />
      {difference === null ? null : (
        <>
          <span className="summary-label">{t.vouchers.difference}</span>
          {difference === 0 ? (
            <span>{t.vouchers.noDifference}</span>
          ) : (
            <Money amount={Math.abs(difference)} currency={currency} />
          )}
        </>
      )}
      {difference && account ? (
        <p className="summary-note">
          {i18n.format(
            difference > 0 ? t.vouchers.differenceShort : t.vouchers.differenceOver,
            {},
            { account: accountLabel(account, i18n.language) },
          )}
        </p>
      ) : null}
    </output>
  );
}
