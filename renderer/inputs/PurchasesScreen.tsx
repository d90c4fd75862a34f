import { useCallback, useEffect, useState } from 'react';
import type { Supplier } from '../../shared/inputs';
import { call } from '../api';
import { Money } from '../components/money';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import type { Confirmation } from '../money/formParts';
import { ForRole } from '../users/roles';
import { PurchaseForm } from './PurchaseForm';
import { type Notice, NoticeBanner, useInputItems } from './parts';
import { SupplierForm, SupplierPaymentForm } from './SupplierForms';

type Panel =
  | { kind: 'supplier'; supplier: Supplier | null }
  | { kind: 'pay'; supplier: Supplier }
  | { kind: 'purchase'; supplierId: number | null }
  | null;

/** The suppliers and what the cooperative owes each; purchases from them and payments to them. */
export function PurchasesScreen() {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const { accounts } = useAccounts();
  const { items, reload: reloadItems } = useInputItems();
  const [suppliers, setSuppliers] = useState<Supplier[] | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    const result = await call('inputs.suppliers', {});
    setSuppliers(result.ok ? result.value : []);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (next: Panel) => {
    setNotice(null);
    setPanel(next);
  };
  const done = (confirmation: Confirmation) => {
    setPanel(null);
    setNotice(() => confirmation);
    void load();
    void reloadItems();
  };
  const cancel = () => setPanel(null);

  if (!suppliers || !items || accounts.length === 0) return null;
  const wide = panel?.kind === 'purchase';
  return (
    <section className="screen inputs-screen">
      <header className="screen-header">
        <h1>{p.purchases.title}</h1>
        <div className="inputs-actions">
          <ForRole needs="enter">
            <button type="button" onClick={() => open({ kind: 'supplier', supplier: null })}>
              + {p.purchases.addSupplier}
            </button>
          </ForRole>
          <button
            type="button"
            className="primary"
            disabled={suppliers.length === 0 || items.length === 0}
            onClick={() =>
              open({
                kind: 'purchase',
                supplierId: suppliers.length === 1 ? (suppliers[0]?.id ?? null) : null,
              })
            }
          >
            {p.purchases.newPurchase}
          </button>
        </div>
      </header>
      <NoticeBanner notice={notice} i18n={i18n} />
      <div className={panel && !wide ? 'split' : 'inputs-body'}>
        <div className="panel scroll">
          {panel?.kind === 'purchase' ? (
            <PurchaseForm
              suppliers={suppliers}
              items={items}
              accounts={accounts}
              supplierId={panel.supplierId}
              onPosted={done}
              onCancel={cancel}
            />
          ) : (
            <>
              <h2>{p.purchases.suppliers}</h2>
              {suppliers.length === 0 ? <p className="muted">{p.purchases.none}</p> : null}
              {suppliers.length > 0 ? (
                <table className="stmt-table suppliers-table" aria-label={p.purchases.suppliers}>
                  <thead>
                    <tr>
                      <th>{p.purchases.name}</th>
                      <th>{p.purchases.phone}</th>
                      <th>{p.purchases.village}</th>
                      <th className="num">{p.purchases.owed}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {suppliers.map((supplier) => (
                      <tr key={supplier.id}>
                        <td>{supplier.name}</td>
                        <td>{i18n.num(supplier.phone)}</td>
                        <td>{supplier.village}</td>
                        <td className="num">
                          <Money amount={supplier.owed} currency="KHR" />
                        </td>
                        <td className="row-actions">
                          <button
                            type="button"
                            className="small"
                            onClick={() => open({ kind: 'purchase', supplierId: supplier.id })}
                          >
                            {p.purchases.newPurchase}
                          </button>
                          {supplier.owed > 0 ? (
                            <button
                              type="button"
                              className="small"
                              onClick={() => open({ kind: 'pay', supplier })}
                            >
                              {p.purchases.pay}
                            </button>
                          ) : null}
                          <button
                            type="button"
                            className="small"
                            onClick={() => open({ kind: 'supplier', supplier })}
                          >
                            {i18n.t.common.edit}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </>
          )}
        </div>
        {panel && !wide ? (
          <aside className="side-panel">
            {panel.kind === 'supplier' ? (
              <SupplierForm
                key={panel.supplier?.id ?? 'new'}
                supplier={panel.supplier}
                onSaved={done}
                onCancel={cancel}
              />
            ) : (
              <SupplierPaymentForm
                supplier={panel.supplier}
                accounts={accounts}
                onPosted={done}
                onCancel={cancel}
              />
            )}
          </aside>
        ) : null}
      </div>
    </section>
  );
}
