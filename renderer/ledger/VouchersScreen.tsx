import { type KeyboardEvent, useRef, useState } from 'react';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import { ExchangeForm } from './vouchers/ExchangeForm';
import { Journal } from './vouchers/Journal';
import { TransferForm } from './vouchers/TransferForm';
import { VoucherForm } from './vouchers/VoucherForm';

const TABS = ['receipt', 'payment', 'transfer', 'exchange'] as const;
type Tab = (typeof TABS)[number];

/** Cash vouchers, transfers and exchanges on the left; the month's journal, to check and reverse, beside. */
export function VouchersScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { accounts } = useAccounts();
  const [tab, setTab] = useState<Tab>('receipt');
  const [notice, setNotice] = useState('');
  const [version, setVersion] = useState(0);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const choose = (next: Tab) => {
    setTab(next);
    setNotice('');
  };
  // The tabs follow the ARIA pattern: arrows move between them, Tab goes on into the form.
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'receipt';
    choose(next);
    tabRefs.current[next]?.focus();
  };
  const posted = (kind: Tab) => (number: string | null) => {
    setNotice(
      i18n.format(t.vouchers.posted, {}, { kind: t.vouchers.voucherName[kind], number: number ?? '' }),
    );
    setVersion((v) => v + 1);
  };

  return (
    <section className="screen vouchers-screen">
      <header className="screen-header">
        <h1>{t.vouchers.title}</h1>
      </header>
      <div className="vouchers-body">
        <div className="voucher-panel">
          <div className="segmented" role="tablist" aria-label={t.vouchers.tabsLabel}>
            {TABS.map((name) => (
              <button
                key={name}
                ref={(element) => {
                  tabRefs.current[name] = element;
                }}
                type="button"
                role="tab"
                id={`voucher-tab-${name}`}
                aria-selected={tab === name}
                aria-controls="voucher-tabpanel"
                tabIndex={tab === name ? 0 : -1}
                className={tab === name ? 'current' : undefined}
                onClick={() => choose(name)}
                onKeyDown={onTabKey}
              >
                {t.vouchers.tabs[name]}
              </button>
            ))}
          </div>
          {notice ? (
            <div className="banner ok" role="status">
              {notice}
            </div>
          ) : null}
          <div role="tabpanel" id="voucher-tabpanel" aria-labelledby={`voucher-tab-${tab}`}>
            {accounts.length === 0 ? null : tab === 'receipt' || tab === 'payment' ? (
              <VoucherForm key={tab} direction={tab} accounts={accounts} onPosted={posted(tab)} />
            ) : tab === 'transfer' ? (
              <TransferForm accounts={accounts} onPosted={posted(tab)} />
            ) : (
              <ExchangeForm accounts={accounts} onPosted={posted(tab)} />
            )}
          </div>
        </div>
        <div className="journal-panel">
          <Journal version={version} />
        </div>
      </div>
    </section>
  );
}
