import type { ReactNode } from 'react';
import { type InputItem, lineAmount } from '../../shared/inputs';
import type { Currency } from '../../shared/khmer';
import { errorSentence } from '../components/form';
import { AmountInput, Money } from '../components/money';
import { QuantityInput, unitWord } from '../components/quantity';
import { useI18n } from '../i18n';

/** A line as the editor holds it: the price is the purchase's unit cost or the sale's unit price. */
export interface EditorLine {
  itemId: number | null;
  quantity: number;
  price: number;
}
export type LineField = keyof EditorLine;
export type LineErrors = Partial<Record<LineField, string>>;

export const blankLine = (): EditorLine => ({ itemId: null, quantity: Number.NaN, price: Number.NaN });

/** What a line comes to, or 0 while its quantity or price is not yet a number. */
export const editorLineAmount = (line: EditorLine) =>
  Number.isSafeInteger(line.quantity) &&
  Number.isSafeInteger(line.price) &&
  line.quantity > 0 &&
  line.price > 0
    ? lineAmount(line.quantity, line.price)
    : 0;

/** The element that shows a line's field, for a refusal to put the cursor on. */
export const lineFieldId = (prefix: string, index: number, field: LineField) =>
  `${prefix}-line-${index}-${field}`;

/**
 * The lines of a purchase or a sale: item, quantity in its unit, price, what the line comes to, and
 * the running total. Each refusal is written under the cell it names, with the line's number.
 */
export function LineEditor({
  idPrefix,
  lines,
  errors,
  items,
  currency,
  priceLabel,
  onChange,
  onItemChosen,
}: {
  idPrefix: string;
  lines: readonly EditorLine[];
  errors: readonly (LineErrors | undefined)[];
  items: readonly InputItem[];
  currency: Currency;
  priceLabel: string;
  onChange: (lines: EditorLine[]) => void;
  /** The price a newly chosen item starts with (a sale fills in the usual price), or null to keep it. */
  onItemChosen?: (item: InputItem) => number | null;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const change = (index: number, patch: Partial<EditorLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const remove = (index: number) => onChange(lines.filter((_, i) => i !== index));
  const add = () => {
    onChange([...lines, blankLine()]);
    requestAnimationFrame(() =>
      document.getElementById(lineFieldId(idPrefix, lines.length, 'itemId'))?.focus(),
    );
  };
  const total = lines.reduce((sum, line) => sum + editorLineAmount(line), 0);

  const cell = (index: number, field: LineField, label: string, input: (aria: CellAria) => ReactNode) => {
    const error = errors[index]?.[field];
    const id = lineFieldId(idPrefix, index, field);
    const aria: CellAria = {
      id,
      'aria-invalid': error !== undefined,
      ...(error ? { 'aria-describedby': `${id}-error` } : {}),
    };
    return (
      <td className={`line-${field}`}>
        <label className="visually-hidden" htmlFor={id}>
          {label} ({i18n.format(p.line, { n: index + 1 })})
        </label>
        {input(aria)}
        {error ? (
          <div className="field-error" id={`${id}-error`} role="alert">
            {i18n.format(p.line, { n: index + 1 })} · {label}: {errorSentence(i18n, error)}
          </div>
        ) : null}
      </td>
    );
  };

  return (
    <table className="line-editor">
      <thead>
        <tr>
          <th className="line-position">#</th>
          <th>{p.item}</th>
          <th>{p.quantity}</th>
          <th>{priceLabel}</th>
          <th className="num">{p.amount}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => {
          const item = items.find((i) => i.id === line.itemId);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line is where it stands; a removed line's errors go with it.
            <tr key={index}>
              <td className="line-position">{i18n.num(index + 1)}</td>
              {cell(index, 'itemId', p.item, (aria) => (
                <select
                  {...aria}
                  value={line.itemId ?? ''}
                  onChange={(event) => {
                    const chosen = items.find((i) => i.id === Number(event.target.value));
                    const price = chosen ? onItemChosen?.(chosen) : null;
                    change(index, {
                      itemId: chosen?.id ?? null,
                      ...(price !== null && price !== undefined ? { price } : {}),
                    });
                    if (chosen) document.getElementById(lineFieldId(idPrefix, index, 'quantity'))?.focus();
                  }}
                >
                  <option value="" />
                  {items
                    .filter((i) => i.active || i.id === line.itemId)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i18n.language === 'en' && i.nameLatin ? i.nameLatin : i.nameKm}
                      </option>
                    ))}
                </select>
              ))}
              {cell(index, 'quantity', p.quantity, (aria) => (
                <div className="quantity-with-unit">
                  <QuantityInput
                    {...aria}
                    value={line.quantity}
                    onChange={(quantity) => change(index, { quantity })}
                  />
                  <span className="unit">{item ? unitWord(i18n, item.unit) : ''}</span>
                </div>
              ))}
              {cell(index, 'price', priceLabel, (aria) => (
                <AmountInput
                  {...aria}
                  value={line.price}
                  currency={currency}
                  onChange={(price) => change(index, { price })}
                />
              ))}
              <td className="num line-amount">
                <Money amount={editorLineAmount(line)} currency={currency} blankZero />
              </td>
              <td className="line-remove">
                {lines.length > 1 ? (
                  <button
                    type="button"
                    className="small"
                    aria-label={i18n.format(p.removeLine, { n: index + 1 })}
                    onClick={() => remove(index)}
                  >
                    ×
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>
            <button type="button" className="small" onClick={add}>
              {p.addLine}
            </button>
          </td>
          <th colSpan={2} className="num">
            {p.total}
          </th>
          <td className="num line-total">
            <output aria-label={p.total}>
              <Money amount={total} currency={currency} />
            </output>
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

interface CellAria {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}
