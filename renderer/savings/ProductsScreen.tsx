import { useCallback, useEffect, useState } from 'react';
import type { SavingsProduct } from '../../shared/savings';
import { call } from '../api';
import { useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { ForRole } from '../users/roles';
import { ProductForm } from './products/ProductForm';
import { ProductTable } from './products/ProductTable';

/** The savings products the cooperative offers: their settings, a new one, closing and reopening one. */
export function ProductsScreen() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const p = t.savings.products;
  const [products, setProducts] = useState<SavingsProduct[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await call('savings.products', {});
    if (result.ok) setProducts(result.value);
    else setBanner({ ok: false, text: refusalText(i18n, result.error) });
  }, [i18n]);

  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (product: SavingsProduct) => (language === 'km' ? product.nameKm : product.nameEn);

  const saved = async (product: SavingsProduct) => {
    setAdding(false);
    setBanner({
      ok: true,
      text: i18n.format(p.created, {}, { name: nameOf(product), code: product.accountCode }),
    });
    await load();
  };

  const setActive = async (product: SavingsProduct, active: boolean) => {
    const result = await call('savings.setProductActive', { id: product.id, active });
    setBanner(
      result.ok
        ? {
            ok: true,
            text: i18n.format(active ? p.reopenedNotice : p.closedNotice, {}, { name: nameOf(product) }),
          }
        : { ok: false, text: refusalText(i18n, result.error) },
    );
    await load();
  };

  return (
    <section className="screen products-screen">
      <header className="screen-header">
        <h1>{p.title}</h1>
        {adding ? null : (
          <ForRole needs="enter">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setBanner(null);
                setAdding(true);
              }}
            >
              + {p.add}
            </button>
          </ForRole>
        )}
      </header>
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      {adding ? (
        <ProductForm onSaved={(product) => void saved(product)} onCancel={() => setAdding(false)} />
      ) : null}
      {products === null ? null : products.length === 0 ? (
        <p className="muted">{p.empty}</p>
      ) : (
        <ProductTable products={products} onActive={(product, active) => void setActive(product, active)} />
      )}
    </section>
  );
}
