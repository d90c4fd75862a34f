import { useState } from 'react';
import { useAccounts } from '../components/pickers';
import { useI18n } from '../i18n';
import type { Confirmation } from '../money/formParts';
import { DistributionDay } from './day/DistributionDay';
import { type Notice, NoticeBanner, useInputItems } from './parts';
import { SaleForm } from './SaleForm';

/** Inputs handed out to members one after another: each sale posts, and the form is ready for the next member. */
export function DistributionScreen() {
  const i18n = useI18n();
  const { accounts } = useAccounts();
  const { items, reload } = useInputItems();
  const [notice, setNotice] = useState<Notice>(null);
  const [mode, setMode] = useState<'one' | 'day'>('one');
  const posted = (confirmation: Confirmation) => {
    setNotice(() => confirmation);
    // What is left on the shelf changes with every sale: the next member's lines check against it.
    void reload();
  };
  if (!items || accounts.length === 0) return null;
  return (
    <section className="screen inputs-screen">
      <header className="screen-header">
        <h1>{i18n.t.nav.inputDistribution}</h1>
        <div className="segmented two" role="tablist" aria-label={i18n.t.inputs.day.modes}>
          {(['one', 'day'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={mode === name}
              className={mode === name ? 'current' : undefined}
              onClick={() => {
                setMode(name);
                setNotice(null);
              }}
            >
              {name === 'one' ? i18n.t.inputs.day.oneMember : i18n.t.inputs.day.title}
            </button>
          ))}
        </div>
      </header>
      <NoticeBanner notice={notice} i18n={i18n} />
      <div className="inputs-body">
        <div className="panel scroll">
          {items.length === 0 ? (
            <p className="muted">{i18n.t.inputs.stock.empty}</p>
          ) : mode === 'one' ? (
            <SaleForm items={items} accounts={accounts} onPosted={posted} />
          ) : (
            <DistributionDay items={items} onPosted={() => void reload()} />
          )}
        </div>
      </div>
    </section>
  );
}
