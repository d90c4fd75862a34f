import { useRef, useState } from 'react';
import { localToday } from '../../../shared/dates';
import { chargeOf } from '../../../shared/input-charge';
import { distributionSchema, type InputItem, lineAmount } from '../../../shared/inputs';
import { formatAmount, isRealIsoDate } from '../../../shared/khmer';
import type { MemberRow } from '../../../shared/schemas';
import { call } from '../../api';
import { BatchFooter, useCtrlEnter } from '../../components/batch';
import { encodeError, errorSentence } from '../../components/form';
import { Money } from '../../components/money';
import { Quantity, QuantityInput } from '../../components/quantity';
import { memberNumber, useI18n } from '../../i18n';
import { refusalText } from '../../ledger/statements/refusal';
import { MemberSearch } from '../MemberSearch';
import { itemName } from '../parts';
import { readableInputError } from '../refusal';
import { type DaySetup, SeasonSetup, type SetupErrors } from './SeasonSetup';

interface DayRow {
  key: number;
  member: MemberRow;
  /** One quantity per column of the day, NaN where the member took none of that item. */
  quantities: number[];
  error?: string;
  number?: string;
}

const taken = (q: number) => Number.isSafeInteger(q) && q > 0;

/**
 * A season's distribution day: the date, due date, charge and items are set once; then member,
 * quantities, Enter, for each member, all from the keyboard; Ctrl+Enter posts every member's credit
 * sale in one call, so that one refused line posts nothing and is shown on its row.
 */
export function DistributionDay({ items, onPosted }: { items: readonly InputItem[]; onPosted: () => void }) {
  const i18n = useI18n();
  const p = i18n.t.inputs;
  const d = p.day;
  const [setup, setSetup] = useState<DaySetup>({
    date: localToday(),
    dueDate: '',
    charge: { kind: 'none' },
    columns: [],
  });
  const [setupErrors, setSetupErrors] = useState<SetupErrors>({});
  const [rows, setRows] = useState<DayRow[]>([]);
  const [member, setMember] = useState<MemberRow | null>(null);
  const [entry, setEntry] = useState<number[]>([]);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState(false);
  const lastKey = useRef(0);
  const memberRef = useRef<HTMLInputElement>(null);
  const quantityId = (index: number) => `day-entry-${index}`;

  const goods = (quantities: readonly number[]) =>
    setup.columns.reduce((sum, c, i) => {
      const q = quantities[i] ?? Number.NaN;
      return taken(q) && Number.isSafeInteger(c.price) ? sum + lineAmount(q, c.price) : sum;
    }, 0);
  const rowTotal = (quantities: readonly number[]) => {
    const g = goods(quantities);
    const ready = isRealIsoDate(setup.dueDate) && isRealIsoDate(setup.date);
    const c = setup.charge;
    const valid =
      c.kind === 'none' ||
      (c.kind === 'flat' ? Number.isSafeInteger(c.amount) : Number.isSafeInteger(c.monthlyBp));
    return g + (ready && valid && g > 0 ? chargeOf(c, g, setup.date, setup.dueDate) : 0);
  };

  const add = () => {
    if (!member) {
      memberRef.current?.focus();
      return;
    }
    if (!entry.some(taken)) {
      setBanner({ ok: false, text: d.quantityMissing });
      document.getElementById(quantityId(0))?.focus();
      return;
    }
    lastKey.current += 1;
    setRows((current) => [...current, { key: lastKey.current, member, quantities: entry }]);
    setMember(null);
    setEntry([]);
    setBanner(null);
    memberRef.current?.focus();
  };

  const post = async () => {
    if (posting || posted || rows.length === 0) return;
    setBanner(null);
    const input = distributionSchema.safeParse(
      {
        date: setup.date,
        dueDate: setup.dueDate,
        charge: setup.charge,
        sales: rows.map((row) => ({
          memberId: row.member.id,
          lines: setup.columns.flatMap((c, i) => {
            const quantity = row.quantities[i] ?? Number.NaN;
            return taken(quantity) ? [{ itemId: c.itemId, quantity, unitPrice: c.price }] : [];
          }),
        })),
      },
      { error: (issue) => (issue.input === null || issue.input === undefined ? 'required' : undefined) },
    );
    if (!input.success) {
      const errors: SetupErrors = {};
      const lineErrors = new Map<number, string>();
      for (const issue of input.error.issues) {
        const [head, index] = issue.path;
        if (head === 'sales' && typeof index === 'number') lineErrors.set(index, issue.message);
        else if (head === 'date' || head === 'dueDate' || head === 'charge') errors[head] = issue.message;
      }
      setSetupErrors(errors);
      refuseRows(lineErrors);
      return;
    }
    setPosting(true);
    const result = await call('inputs.distribute', input.data);
    setPosting(false);
    if (!result.ok) {
      const readable = readableInputError(i18n, result.error, items);
      const sale = result.error.params?.sale;
      if (typeof sale === 'number' && (result.error.field === 'lines' || result.error.field === 'sales')) {
        refuseRows(new Map([[sale, encodeError(readable)]]));
      } else if (result.error.field === 'date' || result.error.field === 'dueDate') {
        setSetupErrors({ [result.error.field]: encodeError(readable) });
        setBanner({ ok: false, text: i18n.t.formHasErrors });
      } else setBanner({ ok: false, text: refusalText(i18n, readable) });
      return;
    }
    const { numbers, count, total } = result.value;
    setRows((current) => current.map((row, index) => ({ ...row, number: numbers[index] })));
    setPosted(true);
    setBanner({
      ok: true,
      text: i18n.format(d.posted, { count }, { total: formatAmount(total, 'KHR', { digits: i18n.digits }) }),
    });
    onPosted();
  };
  const refuseRows = (errors: Map<number, string>) => {
    setRows((current) => current.map((row, index) => ({ ...row, error: errors.get(index) })));
    setBanner({ ok: false, text: errors.size > 0 ? d.lineErrors : i18n.t.formHasErrors });
  };

  // Ctrl+Enter posts the day from wherever the cursor is on this screen.
  useCtrlEnter(post);

  const newDay = () => {
    setRows([]);
    setPosted(false);
    setBanner(null);
    requestAnimationFrame(() => memberRef.current?.focus());
  };
  const columnItems = setup.columns.map((c) => items.find((i) => i.id === c.itemId));
  const earlier = member ? rows.findIndex((r) => r.member.id === member.id) : -1;
  return (
    <div className="distribution-day">
      <p className="hint">{i18n.t.savings.collection.keys}</p>
      <SeasonSetup
        items={items}
        setup={setup}
        errors={setupErrors}
        locked={rows.length > 0}
        onChange={(patch) => {
          setSetup((s) => ({ ...s, ...patch }));
          setSetupErrors({});
        }}
      />
      {setup.columns.length > 0 ? (
        <form
          className="entry-row day-entry"
          aria-label={d.title}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <fieldset disabled={posted || posting}>
            <div className="entry-member">
              <label htmlFor="day-member">{d.member}</label>
              <MemberSearch
                id="day-member"
                inputRef={memberRef}
                label={d.member}
                onChoose={(chosen) => {
                  setMember(chosen);
                  document.getElementById(quantityId(0))?.focus();
                }}
              />
              <output className="entry-confirm" aria-live="polite">
                {member ? (
                  <>
                    <span className="depositor-number">{i18n.num(memberNumber(member.number))}</span>{' '}
                    <span className="entry-name">{member.nameKm}</span>
                    {earlier >= 0 ? (
                      <span className="hint"> · {i18n.format(d.alreadyIn, { line: earlier + 1 })}</span>
                    ) : null}
                  </>
                ) : null}
              </output>
            </div>
            {columnItems.map((item, index) =>
              item ? (
                <div key={item.id} className="entry-amount">
                  <label htmlFor={quantityId(index)}>{itemName(i18n, item)}</label>
                  <QuantityInput
                    id={quantityId(index)}
                    value={entry[index] ?? Number.NaN}
                    onChange={(q) =>
                      setEntry((e) => setup.columns.map((_, i) => (i === index ? q : (e[i] ?? Number.NaN))))
                    }
                    onKeyDown={(event) => {
                      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
                      event.preventDefault();
                      const next = document.getElementById(quantityId(index + 1));
                      if (next) next.focus();
                      else add();
                    }}
                  />
                </div>
              ) : null,
            )}
            <button type="submit" className="primary entry-add">
              {d.add}
            </button>
          </fieldset>
        </form>
      ) : (
        <p className="muted">{d.noItems}</p>
      )}
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted batch-empty">{d.empty}</p>
      ) : (
        <table className="stmt-table day-table" aria-label={d.title}>
          <thead>
            <tr>
              <th className="line-position">#</th>
              <th>{p.aging.number}</th>
              <th>{p.aging.name}</th>
              {columnItems.map((item) =>
                item ? (
                  <th key={item.id} className="num">
                    {itemName(i18n, item)}
                  </th>
                ) : null,
              )}
              <th className="num">{p.sale.toPay}</th>
              <th>{posted ? d.sale : ''}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} className={row.error ? 'day-refused' : undefined}>
                <td className="line-position">{i18n.num(index + 1)}</td>
                <td>{i18n.num(memberNumber(row.member.number))}</td>
                <td>
                  {row.member.nameKm}
                  {row.error ? (
                    <div className="field-error" role="alert">
                      {errorSentence(i18n, row.error)}
                    </div>
                  ) : null}
                </td>
                {setup.columns.map((c, i) => (
                  <td key={c.itemId} className="num">
                    {taken(row.quantities[i] ?? Number.NaN) ? (
                      <Quantity milli={row.quantities[i] ?? 0} />
                    ) : null}
                  </td>
                ))}
                <td className="num">
                  <Money amount={rowTotal(row.quantities)} currency="KHR" />
                </td>
                <td>
                  {posted ? (
                    <span className="voucher">{row.number}</span>
                  ) : (
                    <button
                      type="button"
                      className="small"
                      aria-label={i18n.format(d.remove, {}, { name: row.member.nameKm })}
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BatchFooter
        count={rows.length}
        total={rows.reduce((sum, row) => sum + rowTotal(row.quantities), 0)}
        currency="KHR"
        posted={posted}
        posting={posting}
        labels={{ count: d.count, total: p.total, post: d.post, posting: d.posting, next: d.newDay }}
        onPost={() => void post()}
        onNew={newDay}
      />
    </div>
  );
}
