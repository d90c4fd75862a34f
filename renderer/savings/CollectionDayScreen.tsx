import { useCallback, useEffect, useRef, useState } from 'react';
import { localToday } from '../../shared/dates';
import { formatAmount } from '../../shared/khmer';
import { collectionDaySchema, type Depositor, type SavingsProduct } from '../../shared/savings';
import { call } from '../api';
import { BatchFooter, useCtrlEnter } from '../components/batch';
import { encodeError } from '../components/form';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import { cashAccountId } from '../ledger/vouchers/formSupport';
import { BatchTable } from './collection/BatchTable';
import { type BatchLine, batchTotal, readableRefusal, refusedIndex } from './collection/batch';
import { EntryRow } from './collection/EntryRow';
import { type BatchSetup, SetupBar, type SetupErrors } from './collection/SetupBar';

/**
 * The collection day: a hundred or more members deposit in one morning. The product, date and cash are
 * chosen once; then member, amount, Enter, for each person, all from the keyboard; the whole batch is
 * posted in one call, so that one refused line posts nothing and is shown where it is.
 */
export function CollectionDayScreen() {
  const i18n = useI18n();
  const c = i18n.t.savings.collection;
  const { accounts } = useAccounts();
  const [products, setProducts] = useState<SavingsProduct[] | null>(null);
  const [setup, setSetup] = useState<BatchSetup>({
    productId: null,
    date: localToday(),
    cashAccountId: null,
  });
  const [setupErrors, setSetupErrors] = useState<SetupErrors>({});
  const [lines, setLines] = useState<BatchLine[]>([]);
  const [posted, setPosted] = useState(false);
  const [posting, setPosting] = useState(false);
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  const lastKey = useRef(0);
  const memberRef = useRef<HTMLInputElement>(null);
  const newBatchRef = useRef<HTMLButtonElement>(null);

  // Deposits go to open ordinary products only: a fixed-term deposit takes no money after it is made.
  useEffect(() => {
    void call('savings.products', {}).then((result) => {
      const open = result.ok ? result.value.filter((p) => p.active && p.kind === 'ordinary') : [];
      setProducts(open);
      setSetup((s) => ({ ...s, productId: s.productId ?? open[0]?.id ?? null }));
    });
  }, []);

  const product = products?.find((p) => p.id === setup.productId);
  // The defaults (the first product, today, cash on hand) usually stand: the cursor starts on the member.
  const ready = product !== undefined;
  useEffect(() => {
    if (ready) memberRef.current?.focus();
  }, [ready]);
  // Cash on hand in the product's currency, until the bookkeeper says otherwise.
  useEffect(() => {
    if (!product || accounts.length === 0) return;
    setSetup((s) =>
      accounts.find((a) => a.id === s.cashAccountId)?.currency === product.currency
        ? s
        : { ...s, cashAccountId: cashAccountId(accounts, product.currency) },
    );
  }, [product, accounts]);

  const changeSetup = (patch: Partial<BatchSetup>) => {
    setSetup((s) => ({ ...s, ...patch }));
    setSetupErrors((e) => {
      const kept = { ...e };
      for (const name of Object.keys(patch)) delete kept[name as keyof BatchSetup];
      return kept;
    });
  };

  const focusMember = useCallback(() => memberRef.current?.focus(), []);

  const add = (depositor: Depositor, amount: number) => {
    lastKey.current += 1;
    setLines((current) => [...current, { key: lastKey.current, depositor, amount }]);
    setBanner(null);
  };
  const changeAmount = useCallback((key: number, amount: number) => {
    setLines((current) =>
      current.map((line) => (line.key === key ? { key, depositor: line.depositor, amount } : line)),
    );
  }, []);
  const removeLine = useCallback(
    (key: number) => {
      setLines((current) => current.filter((line) => line.key !== key));
      setBanner(null);
      focusMember();
    },
    [focusMember],
  );

  const refuseLines = (errors: Map<number, string>) => {
    setLines((current) =>
      current.map((line, index) => {
        const error = errors.get(index);
        return error ? { ...line, error } : line;
      }),
    );
    setBanner({ ok: false, text: c.lineErrors });
  };

  const post = async () => {
    if (posting || posted || !product) return;
    setBanner(null);
    // As the forms' resolver does: nothing chosen is 'required', whatever zod calls it.
    const input = collectionDaySchema.safeParse(
      {
        ...setup,
        deposits: lines.map((line) => ({ memberId: line.depositor.memberId, amount: line.amount })),
      },
      { error: (issue) => (issue.input === null || issue.input === undefined ? 'required' : undefined) },
    );
    if (!input.success) {
      const lineErrors = new Map<number, string>();
      const errors: SetupErrors = {};
      for (const issue of input.error.issues) {
        const [head, index] = issue.path;
        if (head === 'deposits' && typeof index === 'number') lineErrors.set(index, issue.message);
        else if (head === 'date' || head === 'cashAccountId' || head === 'productId')
          errors[head] = issue.message;
      }
      setSetupErrors(errors);
      if (lineErrors.size > 0) refuseLines(lineErrors);
      else if (lines.length === 0) focusMember();
      else setBanner({ ok: false, text: i18n.t.formHasErrors });
      return;
    }
    setPosting(true);
    const result = await call('savings.collectionDay', input.data);
    setPosting(false);
    if (!result.ok) {
      const error = readableRefusal(i18n, result.error, product.currency);
      const index = refusedIndex(error);
      if (index !== null) {
        refuseLines(new Map([[index, encodeError(error)]]));
        document.getElementById(`batch-amount-${lines[index]?.key}`)?.focus();
      } else if (error.field === 'date' || error.field === 'cashAccountId') {
        setSetupErrors({ [error.field]: encodeError(error) });
        setBanner({ ok: false, text: i18n.t.formHasErrors });
      } else {
        setBanner({ ok: false, text: refusalText(i18n, error) });
      }
      return;
    }
    const { receipts, count, total } = result.value;
    setLines((current) => current.map((line, index) => ({ ...line, receipt: receipts[index] })));
    setPosted(true);
    setBanner({
      ok: true,
      text: i18n.format(
        c.posted,
        { count },
        { total: formatAmount(total, product.currency, { digits: i18n.digits }) },
      ),
    });
  };

  // After posting, Enter starts the next batch; the member field takes the cursor once it is enabled again.
  const focusMemberNext = useRef(false);
  useEffect(() => {
    if (posted) newBatchRef.current?.focus();
    else if (focusMemberNext.current) {
      focusMemberNext.current = false;
      focusMember();
    }
  }, [posted, focusMember]);

  const newBatch = () => {
    focusMemberNext.current = true;
    setLines([]);
    setPosted(false);
    setBanner(null);
  };

  // Ctrl+Enter posts the batch from wherever the cursor is on this screen.
  useCtrlEnter(post);

  const total = batchTotal(lines);
  return (
    <section className="screen collection-screen">
      <header className="screen-header">
        <h1>{c.title}</h1>
        <p className="hint collection-keys">{c.keys}</p>
      </header>
      {products !== null && products.length === 0 ? <div className="banner error">{c.noProducts}</div> : null}
      {products && product ? (
        <>
          <SetupBar
            products={products}
            accounts={accounts}
            setup={setup}
            errors={setupErrors}
            locked={lines.length > 0}
            onChange={changeSetup}
          />
          <EntryRow
            product={product}
            lines={lines}
            memberRef={memberRef}
            disabled={posted || posting}
            onAdd={add}
          />
          {banner ? (
            <div className={banner.ok ? 'banner ok' : 'banner error'} role={banner.ok ? 'status' : 'alert'}>
              {banner.text}
            </div>
          ) : null}
          <div className="batch-lines">
            {lines.length === 0 ? (
              <p className="muted batch-empty">{c.empty}</p>
            ) : (
              <BatchTable
                lines={lines}
                currency={product.currency}
                posted={posted}
                onAmount={changeAmount}
                onRemove={removeLine}
                onDone={focusMember}
              />
            )}
          </div>
          <BatchFooter
            count={lines.length}
            total={total}
            currency={product.currency}
            posted={posted}
            posting={posting}
            labels={{ count: c.count, total: c.total, post: c.post, posting: c.posting, next: c.newBatch }}
            onPost={() => void post()}
            onNew={newBatch}
            newRef={newBatchRef}
          />
        </>
      ) : null}
    </section>
  );
}
