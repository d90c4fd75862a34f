import type { SavingsProduct } from '../../../shared/savings';
import { Money } from '../../components/money';
import { useI18n } from '../../i18n';
import { formatRate } from '../rates';

/** Every product with all its settings, and the button that closes or reopens it. */
export function ProductTable({
  products,
  onActive,
}: {
  products: readonly SavingsProduct[];
  onActive: (product: SavingsProduct, active: boolean) => void;
}) {
  const i18n = useI18n();
  const { t, language, digits } = i18n;
  const p = t.savings.products;
  return (
    <div className="products-scroll">
      <table className="stmt-table products-table" aria-label={p.title}>
        <thead>
          <tr>
            <th scope="col">{p.name}</th>
            <th scope="col">{p.currency}</th>
            <th scope="col">{p.kind}</th>
            <th scope="col" className="num">
              {p.term}
            </th>
            <th scope="col" className="num">
              {p.rateShort}
            </th>
            <th scope="col">{p.posting}</th>
            <th scope="col" className="num">
              {p.minimum}
            </th>
            <th scope="col">{p.early}</th>
            <th scope="col">{p.account}</th>
            <th scope="col" className="num">
              {p.openAccounts}
            </th>
            <th scope="col">{p.status}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => {
            const name = language === 'km' ? product.nameKm : product.nameEn;
            const other = language === 'km' ? product.nameEn : product.nameKm;
            return (
              <tr key={product.id} className={product.active ? undefined : 'products-closed'}>
                <th scope="row" className="products-name">
                  <span>{name}</span>
                  <span className="name-latin">{other}</span>
                </th>
                <td>{t.savings.currencies[product.currency]}</td>
                <td>{t.savings.kinds[product.kind]}</td>
                <td className="num">
                  {product.termMonths === null
                    ? t.common.none
                    : i18n.format(t.savings.months, { n: product.termMonths })}
                </td>
                <td className="num">{formatRate(product.annualRateBp, digits)}</td>
                <td>{t.savings.postings[product.posting]}</td>
                <td className="num">
                  <Money amount={product.minOpeningDeposit} currency={product.currency} />
                </td>
                <td>
                  {product.kind === 'ordinary'
                    ? t.common.none
                    : product.earlyWithdrawal
                      ? i18n.format(
                          p.earlyAllowed,
                          {},
                          { penalty: formatRate(product.earlyPenaltyBp, digits) },
                        )
                      : p.earlyRefused}
                </td>
                <td>
                  <span className="account-code">{product.accountCode}</span>
                </td>
                <td className="num">{i18n.num(product.openAccounts)}</td>
                <td className="products-status">
                  <span className={product.active ? 'status-badge' : 'status-badge left'}>
                    {product.active ? p.active : p.closed}
                  </span>
                  <button
                    type="button"
                    className="small"
                    title={p.closeHint}
                    aria-label={i18n.format(product.active ? p.closeProduct : p.reopenProduct, {}, { name })}
                    onClick={() => onActive(product, !product.active)}
                  >
                    {product.active ? p.close : p.reopen}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
