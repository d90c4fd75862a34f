import { useEffect, useId, useState } from 'react';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import type { InterestRun, SavingsProduct } from '../../shared/savings';
import { call } from '../api';
import { useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { InterestTable } from './interest/InterestTable';
import { PostedEntry } from './interest/PostedEntry';
import { endedPeriods, periodLabel } from './periods';
import { formatRate } from './rates';

/**
 * The interest run: a product and an ended period, a preview of each member's interest, then one entry
 * posted for the run. The main process refuses a second run of the same product and period.
 */
export function InterestScreen() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const n = t.savings.interest;
  const id = useId();
  const [products, setProducts] = useState<SavingsProduct[]>([]);
  const [productId, setProductId] = useState<number | null>(null);
  const [period, setPeriod] = useState('');
  const [run, setRun] = useState<InterestRun | null>(null);
  // Periods already posted are marked in the list, and the first one not yet posted is offered.
  const [done, setDone] = useState<readonly string[]>([]);
  const [posted, setPosted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);

  const product = products.find((p) => p.id === productId);
  const periods = product ? endedPeriods(product.posting, localToday()) : [];

  const choose = (next: SavingsProduct | undefined) => {
    setProductId(next?.id ?? null);
    setRun(null);
    setBanner(null);
    setDone([]);
    if (!next) return setPeriod('');
    const ended = endedPeriods(next.posting, localToday());
    setPeriod(ended[0] ?? '');
    void call('savings.interestRuns', { productId: next.id }).then((result) => {
      if (!result.ok) return;
      setDone(result.value);
      setPeriod(ended.find((p) => !result.value.includes(p)) ?? ended[0] ?? '');
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the screen opens.
  useEffect(() => {
    void call('savings.products', {}).then((result) => {
      if (!result.ok) return;
      setProducts(result.value);
      choose(result.value.find((p) => p.active) ?? result.value[0]);
    });
  }, []);

  const nameOf = (p: SavingsProduct) => (language === 'km' ? p.nameKm : p.nameEn);

  const runInterest = async (channel: 'savings.previewInterest' | 'savings.postInterest') => {
    if (!product || period === '') return;
    setBusy(true);
    setBanner(null);
    const result = await call(channel, { productId: product.id, period });
    setBusy(false);
    if (!result.ok) {
      setBanner({ ok: false, text: refusalText(i18n, result.error) });
      if (channel === 'savings.previewInterest') setRun(null);
      return;
    }
    setRun(result.value);
    setPosted(channel === 'savings.postInterest');
    if (channel === 'savings.postInterest') setDone((runs) => [period, ...runs]);
    if (channel === 'savings.postInterest') {
      const label = periodLabel(period, i18n);
      const total = formatAmount(result.value.total, product.currency, { digits: i18n.digits });
      setBanner({
        ok: true,
        text:
          result.value.entryId === null
            ? i18n.format(n.postedNothing, {}, { period: label })
            : i18n.format(n.posted, {}, { period: label, total }),
      });
    }
  };

  const previewed = run !== null && run.productId === product?.id && run.period === period;
  return (
    <section className="screen interest-screen">
      <header className="screen-header">
        <h1>{n.title}</h1>
      </header>
      <p className="muted">{n.intro}</p>
      <div className="interest-query">
        <div className="field">
          <label htmlFor={`${id}-product`}>{n.product}</label>
          <select
            id={`${id}-product`}
            value={productId ?? ''}
            onChange={(event) => choose(products.find((p) => p.id === Number(event.target.value)))}
          >
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {nameOf(p)} ({p.currency}){p.active ? '' : ` ${t.savings.closedMark}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{n.period}</label>
          <select
            id={`${id}-period`}
            value={period}
            onChange={(event) => {
              setPeriod(event.target.value);
              setBanner(null);
            }}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, i18n)}
                {done.includes(p) ? ` · ${n.alreadyRun}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="interest-actions">
          <button
            type="button"
            disabled={busy || !product}
            onClick={() => void runInterest('savings.previewInterest')}
          >
            {n.preview}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !previewed || posted}
            onClick={() => void runInterest('savings.postInterest')}
          >
            {n.post}
          </button>
        </div>
      </div>
      {!previewed && !banner ? (
        <p className="hint">{i18n.format(n.startHint, {}, { preview: n.preview })}</p>
      ) : null}
      {run && previewed && run.lines.length === 0 ? <p className="hint">{n.nothingToPost}</p> : null}
      {banner ? (
        <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
          {banner.text}
        </div>
      ) : null}
      {run && product && previewed ? (
        <div className="interest-result">
          <div className="interest-heading">
            <h2>
              {nameOf(product)} · {periodLabel(run.period, i18n)}
            </h2>
            <span className="muted">
              {i18n.format(n.range, {}, { from: i18n.date(run.from), to: i18n.date(run.to) })} ·{' '}
              {i18n.format(n.rate, {}, { rate: formatRate(product.annualRateBp, i18n.digits) })}
            </span>
          </div>
          {posted ? null : <p className="hint">{n.previewNote}</p>}
          {posted && run.entryId !== null ? <PostedEntry entryId={run.entryId} date={run.to} /> : null}
          <InterestTable run={run} currency={product.currency} label={periodLabel(run.period, i18n)} />
        </div>
      ) : null}
    </section>
  );
}
