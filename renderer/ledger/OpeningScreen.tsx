import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localToday } from '../../shared/dates';
import type { AppError } from '../../shared/errors';
import type { Currency } from '../../shared/khmer';
import { openingBalancesSchema } from '../../shared/ledger';
import { call } from '../api';
import { DateInput, encodeError, Field } from '../components/form';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { CsvLoader } from './opening/CsvLoader';
import {
  checkLines,
  currencyTotals,
  type DraftLine,
  fillEquity,
  type LineErrors,
  type LineField,
} from './opening/lines';
import { OpeningLineRow } from './opening/OpeningLineRow';
import { OpeningTotals } from './opening/OpeningTotals';
import { readableError, refusalText } from './statements/refusal';

const PATCH_FIELDS: Partial<Record<keyof DraftLine, LineField>> = {
  accountId: 'account',
  memberId: 'member',
  amount: 'amount',
};

/** Which line and input a refusal names: posting says `line` and a field, the contract a path. */
function refusedLine(error: AppError): { index: number; field: LineField } | null {
  const path = /^lines\.(\d+)\.(accountId|memberId|amount)$/.exec(error.field ?? '');
  if (path) return { index: Number(path[1]), field: PATCH_FIELDS[path[2] as keyof DraftLine] ?? 'account' };
  const line = error.params?.line;
  if (typeof line !== 'number') return null;
  const field = error.field === 'member' || error.field === 'amount' ? error.field : 'account';
  return { index: line, field };
}

/**
 * Opening balances for a cooperative coming from paper books: one balanced entry at the go-live date,
 * built line by line or from a CSV file, and posted only once every currency balances.
 */
export function OpeningScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const o = t.statements.opening;
  const { accounts } = useAccounts();
  const [date, setDate] = useState(localToday);
  const [dateError, setDateError] = useState<string | undefined>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  const [posting, setPosting] = useState(false);
  const lastKey = useRef(0);
  const table = useRef<HTMLTableSectionElement>(null);
  const focusNewLine = useRef(false);

  const totals = useMemo(() => currencyTotals(lines, accounts), [lines, accounts]);
  const balanced = totals.length > 0 && totals.every((c) => c.difference === 0);

  // Someone adding a line with the keyboard goes straight on to choose its account.
  useEffect(() => {
    if (!focusNewLine.current) return;
    focusNewLine.current = false;
    table.current?.querySelector<HTMLElement>('tr:last-child select')?.focus();
  });

  const changeLine = useCallback((key: number, patch: Partial<DraftLine>) => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
    setLineErrors((current) => {
      const own = current[key];
      if (!own) return current;
      const kept = { ...own };
      for (const name of Object.keys(patch)) {
        const field = PATCH_FIELDS[name as keyof DraftLine];
        if (field) delete kept[field];
      }
      return { ...current, [key]: kept };
    });
  }, []);
  const removeLine = useCallback((key: number) => {
    setLines((current) => current.filter((line) => line.key !== key));
  }, []);

  const addLine = () => {
    lastKey.current += 1;
    const line = {
      key: lastKey.current,
      accountId: null,
      memberId: null,
      memberLabel: '',
      amount: Number.NaN,
    };
    focusNewLine.current = true;
    setLines((current) => [...current, line]);
  };

  const fill = (currency: Currency) => {
    const own = totals.find((c) => c.currency === currency);
    if (!own) return;
    lastKey.current += 1;
    setLines((current) => fillEquity(current, own, lastKey.current));
  };

  const post = async () => {
    setBanner(null);
    const missing = checkLines(lines, accounts);
    const dateCheck = openingBalancesSchema.shape.date.safeParse(date);
    setLineErrors(missing);
    setDateError(dateCheck.success ? undefined : dateCheck.error.issues[0]?.message);
    if (Object.keys(missing).length > 0 || !dateCheck.success) {
      setBanner({ ok: false, text: o.lineErrors });
      return;
    }
    // A zero balance posts nothing; leaving it out also keeps the refusals' line numbers on the sent lines.
    const sent = lines.filter((line) => line.amount !== 0);
    setPosting(true);
    const result = await call('ledger.postOpening', {
      date: dateCheck.data,
      lines: sent.flatMap(({ accountId, memberId, amount }) =>
        accountId === null ? [] : [{ accountId, memberId, amount }],
      ),
    });
    setPosting(false);
    if (result.ok) {
      setLines([]);
      setBanner({ ok: true, text: i18n.format(o.posted, { lines: sent.length, date: i18n.date(date) }) });
      return;
    }
    const error = readableError(i18n, result.error);
    const target = refusedLine(error);
    const line = target ? sent[target.index] : undefined;
    if (target && line) {
      setLineErrors({ [line.key]: { [target.field]: encodeError(error) } });
      setBanner({ ok: false, text: o.lineErrors });
    } else if (error.field === 'date') {
      setDateError(encodeError(error));
    } else {
      setBanner({ ok: false, text: refusalText(i18n, error) });
    }
  };

  return (
    <section className="screen opening-screen">
      <header className="screen-header">
        <h1>{t.nav.opening}</h1>
        <button type="button" className="primary" onClick={addLine}>
          + {o.addLine}
        </button>
      </header>
      <p className="muted opening-intro">{o.intro}</p>
      <div className="opening-top">
        <div className="opening-date">
          <Field
            label={o.date}
            error={dateError ? { type: 'validate', message: dateError } : undefined}
            required
          >
            {(aria) => (
              <DateInput
                {...aria}
                value={date}
                onChange={(value) => {
                  setDate(value);
                  setDateError(undefined);
                }}
                onBlur={() => undefined}
              />
            )}
          </Field>
        </div>
        <CsvLoader
          onLoaded={(loaded, file) => {
            setLines(
              loaded.map((line) => {
                lastKey.current += 1;
                return { ...line, key: lastKey.current };
              }),
            );
            setLineErrors({});
            setBanner({
              ok: true,
              text: i18n.format(o.csvLoaded, { lines: loaded.length }).replace('{file}', file),
            });
          }}
        />
      </div>
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      <div className="opening-lines">
        <table className="stmt-table opening-table" aria-label={t.nav.opening}>
          <caption className="hint">{o.amountHint}</caption>
          <thead>
            <tr>
              <th scope="col" className="opening-position">
                #
              </th>
              <th scope="col">{t.statements.account}</th>
              <th scope="col">{t.statements.member}</th>
              <th scope="col" className="num">
                {o.amount}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody ref={table}>
            {lines.map((line, index) => (
              <OpeningLineRow
                key={line.key}
                line={line}
                position={index + 1}
                accounts={accounts}
                errors={lineErrors[line.key]}
                onChange={changeLine}
                onRemove={removeLine}
              />
            ))}
          </tbody>
        </table>
        {lines.length === 0 ? <p className="muted opening-empty">{o.noLines}</p> : null}
      </div>
      <footer className="opening-footer">
        <OpeningTotals totals={totals} onFill={fill} />
        <div className="opening-post">
          {!balanced && lines.length > 0 ? <p className="hint">{o.postRefused}</p> : null}
          <button
            type="button"
            className="primary"
            disabled={!balanced || posting}
            onClick={() => void post()}
          >
            {o.post}
          </button>
        </div>
      </footer>
    </section>
  );
}
