import type { Currency } from '../../../shared/khmer';
import { Money } from '../../components/money';
import { accountLabel } from '../../components/pickers';
import { useI18n } from '../../i18n';
import type { CurrencyTotals } from './lines';

/** Per currency: what the assets and the claims on them add up to, and what would balance them. */
export function OpeningTotals({
  totals,
  onFill,
}: {
  totals: readonly CurrencyTotals[];
  onFill: (currency: Currency) => void;
}) {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const o = s.opening;
  return (
    <div className="opening-totals">
      {totals.map(({ currency, debits, credits, difference, equity }) => (
        <section
          key={currency}
          className={difference === 0 ? 'opening-currency balanced' : 'opening-currency'}
          aria-label={`${o.totals}: ${s.currencies[currency]}`}
        >
          <h3>{s.currencies[currency]}</h3>
          <dl>
            <div>
              <dt>{o.debits}</dt>
              <dd>
                <Money amount={debits} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>{o.credits}</dt>
              <dd>
                <Money amount={credits} currency={currency} />
              </dd>
            </div>
            <div className="opening-difference">
              <dt>{o.difference}</dt>
              <dd>
                {difference === 0 ? `✓ ${o.balanced}` : <Money amount={difference} currency={currency} />}
              </dd>
            </div>
          </dl>
          {difference !== 0 && equity ? (
            <>
              <p className="opening-to-balance">
                {o.toBalance.replace('{account}', accountLabel(equity, i18n.language))}{' '}
                <Money amount={difference} currency={currency} />
              </p>
              <button type="button" onClick={() => onFill(currency)}>
                {i18n.format(o.fillEquity, { currency })}
              </button>
            </>
          ) : null}
          {difference !== 0 && !equity ? (
            <p className="field-error">{i18n.format(o.noEquityAccount, { currency })}</p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
