import { useEffect, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { InputItem, StockOnHand } from '../../shared/inputs';
import { call } from '../api';
import { Money } from '../components/money';
import { useAccounts } from '../components/pickers';
import { Quantity, unitWord } from '../components/quantity';
import { useI18n } from '../i18n';
import { AsOfField } from '../money/AsOfField';
import type { Confirmation } from '../money/formParts';
import { ForRole } from '../users/roles';
import { AdjustmentForm } from './AdjustmentForm';
import { CountForm } from './CountForm';
import { ItemForm } from './ItemForm';
import { type Notice, NoticeBanner, useInputItems } from './parts';

type Panel = { kind: 'item'; item: InputItem | null } | { kind: 'adjust' } | { kind: 'count' } | null;

/**
 * What is on the shelves at a date, in quantity and at average cost, beside what the stock accounts hold;
 * the items themselves, and the adjustments and counts that correct the books to the shelf.
 */
export function StockScreen() {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const { accounts } = useAccounts();
  const { items, reload } = useInputItems();
  const [asOf, setAsOf] = useState(localToday());
  const [stock, setStock] = useState<StockOnHand | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each posting (`version`).
  useEffect(() => {
    let current = true;
    void call('inputs.stock', { asOf }).then((result) => {
      if (current && result.ok) setStock(result.value);
    });
    return () => {
      current = false;
    };
  }, [asOf, version]);

  const open = (next: Panel) => {
    setNotice(null);
    setPanel(next);
  };
  const done = (confirmation: Confirmation) => {
    setPanel(null);
    setNotice(() => confirmation);
    setVersion((v) => v + 1);
    void reload();
  };
  const cancel = () => setPanel(null);

  if (!items || accounts.length === 0) return null;
  return (
    <section className="screen inputs-screen">
      <header className="screen-header">
        <h1>{p.stock.title}</h1>
        <div className="inputs-actions">
          <ForRole needs="enter">
            <button type="button" onClick={() => open({ kind: 'item', item: null })}>
              + {p.stock.addItem}
            </button>
          </ForRole>
          <button type="button" disabled={items.length === 0} onClick={() => open({ kind: 'adjust' })}>
            {p.stock.adjust}
          </button>
          <button type="button" disabled={items.length === 0} onClick={() => open({ kind: 'count' })}>
            {p.stock.count}
          </button>
        </div>
      </header>
      <NoticeBanner notice={notice} i18n={i18n} />
      <div className={panel && panel.kind !== 'count' ? 'split' : 'inputs-body'}>
        <div className="panel scroll">
          {panel?.kind === 'count' ? (
            <CountForm items={items} onPosted={done} onCancel={cancel} />
          ) : (
            <>
              <div className="toolbar">
                <AsOfField label={p.asOf} value={asOf} onChange={setAsOf} />
              </div>
              {items.length === 0 ? <p className="muted">{p.stock.empty}</p> : null}
              {stock && stock.rows.length > 0 ? (
                <StockTable stock={stock} items={items} onEdit={(item) => open({ kind: 'item', item })} />
              ) : null}
            </>
          )}
        </div>
        {panel && panel.kind !== 'count' ? (
          <aside className="side-panel">
            {panel.kind === 'item' ? (
              <ItemForm
                key={panel.item?.id ?? 'new'}
                item={panel.item}
                accounts={accounts}
                onSaved={done}
                onCancel={cancel}
              />
            ) : (
              <AdjustmentForm items={items} onPosted={done} onCancel={cancel} />
            )}
          </aside>
        ) : null}
      </div>
    </section>
  );
}

function StockTable({
  stock,
  items,
  onEdit,
}: {
  stock: StockOnHand;
  items: readonly InputItem[];
  onEdit: (item: InputItem) => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  return (
    <table className="stmt-table stock-table" aria-label={p.stock.title}>
      <thead>
        <tr>
          <th>{p.item}</th>
          <th>{p.unit}</th>
          <th className="num">{p.quantity}</th>
          <th className="num">{p.stock.averageCost}</th>
          <th className="num">{p.value}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {stock.rows.map((row) => {
          const item = items.find((i) => i.id === row.itemId);
          return (
            <tr key={row.itemId}>
              <td>
                <span lang="km">{row.nameKm}</span>
                {row.nameLatin ? <span className="name-latin">{row.nameLatin}</span> : null}
                {item && !item.active ? <span className="status-badge left">{p.stock.inactive}</span> : null}
              </td>
              <td>{unitWord(i18n, row.unit)}</td>
              <td className="num">
                <Quantity milli={row.quantity} />
              </td>
              <td className="num">
                <Money amount={row.averageCost} currency="KHR" blankZero />
              </td>
              <td className="num">
                <Money amount={row.value} currency="KHR" />
              </td>
              <td className="row-actions">
                {item ? (
                  <button
                    type="button"
                    className="small"
                    aria-label={i18n.format(p.stock.editOf, {}, { name: row.nameKm })}
                    onClick={() => onEdit(item)}
                  >
                    {i18n.t.common.edit}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="stmt-total">
          <th colSpan={4}>{p.total}</th>
          <td className="num">
            <Money amount={stock.totalValue} currency="KHR" />
          </td>
          <td />
        </tr>
        <tr className="stmt-check">
          <td colSpan={4}>{p.stock.ledger}</td>
          <td className="num">
            <Money amount={stock.ledgerValue} currency="KHR" />
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
