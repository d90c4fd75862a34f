import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import { type InputItem, stockCountSchema } from '../../shared/inputs';
import { call } from '../api';
import { DateInput, encodeError, errorSentence, Field, FormFooter } from '../components/form';
import { Quantity, QuantityInput, unitWord } from '../components/quantity';
import { useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import type { Confirmation } from '../money/formParts';
import { itemName } from './parts';
import { readableInputError } from './refusal';

/**
 * A count of the shelves: the bookkeeper types what was counted of each item (Enter goes to the next),
 * sees each difference from the books, and posts them all as one entry. An item left blank was not counted.
 */
export function CountForm({
  items,
  onPosted,
  onCancel,
}: {
  items: readonly InputItem[];
  onPosted: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const id = useId();
  const shelf = items.filter((i) => i.active || i.quantity !== 0);
  const [counted, setCounted] = useState<Record<number, number>>({});
  const [date, setDate] = useState(localToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ date?: string; items: Record<number, string> }>({ items: {} });
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = (index: number) => `${id}-count-${index}`;
  // The date is usually today: the cursor starts on the first item's count.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the count opens.
  useEffect(() => document.getElementById(inputId(0))?.focus(), []);

  const typed = shelf.filter((item) => counted[item.id] !== undefined);
  const post = async () => {
    setBanner('');
    const input = stockCountSchema.safeParse({
      date,
      note,
      counts: typed.map((item) => ({ itemId: item.id, counted: counted[item.id] })),
    });
    if (!input.success) {
      const found: { date?: string; items: Record<number, string> } = { items: {} };
      for (const issue of input.error.issues) {
        const [head, index] = issue.path;
        const item = typeof index === 'number' ? typed[index] : undefined;
        if (head === 'counts' && item) found.items[item.id] = issue.message;
        else if (head === 'date') found.date = issue.message;
      }
      setErrors(found);
      setBanner(typed.length === 0 ? p.linesMissing : i18n.t.formHasErrors);
      return;
    }
    setBusy(true);
    const result = await call('inputs.count', input.data);
    setBusy(false);
    if (!result.ok) {
      refuse(result.error);
      return;
    }
    const { number, differences } = result.value;
    onPosted((l) =>
      number === null
        ? l.t.inputs.count.same
        : l.format(l.t.inputs.count.posted, { n: differences }, { number }),
    );
  };

  const refuse = (error: AppError) => {
    const readable = readableInputError(i18n, error, items);
    const line = error.params?.line;
    const item = typeof line === 'number' ? typed[line] : undefined;
    if (error.field === 'counts' && item) {
      setErrors({ items: { [item.id]: encodeError(readable) } });
      setBanner(i18n.t.formHasErrors);
    } else if (error.field === 'date') {
      setErrors({ date: encodeError(readable), items: {} });
      setBanner(i18n.t.formHasErrors);
    } else setBanner(refusalText(i18n, readable));
  };

  const onKey = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = document.getElementById(inputId(index + 1));
    if (next) next.focus();
    else void post();
  };

  return (
    <form
      className="inputs-form count-form"
      noValidate
      aria-label={p.count.title}
      onSubmit={(event) => {
        event.preventDefault();
        void post();
      }}
    >
      <h2>{p.count.title}</h2>
      <p className="hint">{p.count.hint}</p>
      <div className="count-setup">
        <Field
          label={p.date}
          required
          error={errors.date ? { type: 'server', message: errors.date } : undefined}
        >
          {(aria) => <DateInput {...aria} value={date} onChange={setDate} onBlur={() => undefined} />}
        </Field>
        <Field label={p.adjust.note}>
          {(aria) => <input {...aria} type="text" value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <table className="stmt-table count-table">
        <thead>
          <tr>
            <th>{p.item}</th>
            <th>{p.unit}</th>
            <th className="num">{p.count.onBooks}</th>
            <th className="num">{p.count.counted}</th>
            <th className="num">{p.count.difference}</th>
          </tr>
        </thead>
        <tbody>
          {shelf.map((item, index) => {
            const value = counted[item.id];
            const error = errors.items[item.id];
            const difference = value !== undefined && Number.isFinite(value) ? value - item.quantity : null;
            return (
              <tr key={item.id} className={error ? 'count-refused' : undefined}>
                <td>{itemName(i18n, item)}</td>
                <td>{unitWord(i18n, item.unit)}</td>
                <td className="num">
                  <Quantity milli={item.quantity} />
                </td>
                <td className="num count-input">
                  <label className="visually-hidden" htmlFor={inputId(index)}>
                    {p.count.counted} {itemName(i18n, item)}
                  </label>
                  <QuantityInput
                    id={inputId(index)}
                    value={value ?? Number.NaN}
                    aria-invalid={error !== undefined}
                    {...(error ? { 'aria-describedby': `${inputId(index)}-error` } : {})}
                    onKeyDown={onKey(index)}
                    onChange={(milli, text) => {
                      setCounted((current) => {
                        const next = { ...current };
                        // Zero is a count (the shelf is empty); a blank is an item not counted.
                        if (text === '') delete next[item.id];
                        else next[item.id] = milli;
                        return next;
                      });
                      setErrors((e) => {
                        const kept = { ...e.items };
                        delete kept[item.id];
                        return { ...e, items: kept };
                      });
                    }}
                  />
                  {error ? (
                    <div className="field-error" id={`${inputId(index)}-error`} role="alert">
                      {itemName(i18n, item)}: {errorSentence(i18n, error)}
                    </div>
                  ) : null}
                </td>
                <td className={difference !== null && difference !== 0 ? 'num count-difference' : 'num'}>
                  {difference === null ? null : <Quantity milli={difference} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormFooter banner={banner} busy={busy} submitLabel={p.count.post} onCancel={onCancel} />
    </form>
  );
}
