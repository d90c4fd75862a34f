import { type ReactNode, useEffect, useState } from 'react';
import type { HomeSummary } from '../../shared/home';
import { call } from '../api';
import { Money } from '../components/money';
import { useI18n } from '../i18n';
import { momentLabel, monthLabel } from '../ledger/statements/dates';
import { HomeCharts } from './HomeCharts';
import './home.css';

/** The screens the home screen's figures open. */
export type HomeDoor =
  | 'members'
  | 'shareRegister'
  | 'products'
  | 'statements'
  | 'inputCredit'
  | 'months'
  | 'backup';

/** One figure: a large button that opens the screen where the figure comes from. */
function Figure({ title, onOpen, children }: { title: string; onOpen: () => void; children: ReactNode }) {
  return (
    <button type="button" className="home-figure" onClick={onOpen}>
      <span className="home-figure-title">{title}</span>
      <span className="home-figure-body">{children}</span>
    </button>
  );
}

/**
 * The first screen after opening (SPEC 2.11): today's cash, members, share capital, savings, input credit,
 * the months still open and the last backup, then the 12-month charts; each one a door into its screen.
 */
export function HomeScreen({ onOpen }: { onOpen: (screen: HomeDoor) => void }) {
  const i18n = useI18n();
  const h = i18n.t.home;
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void call('home.summary', {}).then((result) => {
      if (result.ok) setSummary(result.value);
      else setFailed(true);
    });
  }, []);

  if (failed) return <div className="banner error">{i18n.t.errors.unexpected}</div>;
  if (!summary) return <p className="home-loading">{h.loading}</p>;
  const perCurrency = (amounts: HomeSummary['cash']) =>
    amounts.map((a) => (
      <span key={a.currency} className="home-figure-value">
        <Money amount={a.amount} currency={a.currency} />
      </span>
    ));
  const firstOpen = summary.openMonths[0];
  return (
    <section className="screen home-screen">
      <header className="screen-header">
        <h1>{h.title}</h1>
        <span className="home-today">{i18n.format(h.today, {}, { date: i18n.date(summary.today) })}</span>
      </header>
      <div className="home-figures">
        <Figure title={h.cash} onOpen={() => onOpen('statements')}>
          {perCurrency(summary.cash)}
          <span className="home-figure-note">
            {h.bank}:{' '}
            {summary.bank.map((a, i) => (
              <span key={a.currency}>
                {i > 0 ? ' · ' : null}
                <Money amount={a.amount} currency={a.currency} />
              </span>
            ))}
          </span>
        </Figure>
        <Figure title={h.members} onOpen={() => onOpen('members')}>
          <span className="home-figure-value">
            {i18n.format(h.people, { count: summary.members.active })}
          </span>
          <span className="home-figure-note">{i18n.format(h.women, { count: summary.members.women })}</span>
          <span className="home-figure-note">
            {i18n.format(h.newThisMonth, { count: summary.members.newThisMonth })}
          </span>
        </Figure>
        <Figure title={h.shareCapital} onOpen={() => onOpen('shareRegister')}>
          <span className="home-figure-value">
            <Money amount={summary.shareCapital} currency="KHR" />
          </span>
        </Figure>
        <Figure title={h.savings} onOpen={() => onOpen('products')}>
          {perCurrency(summary.savings)}
        </Figure>
        <Figure title={h.inputCredit} onOpen={() => onOpen('inputCredit')}>
          {summary.inputCredit ? (
            <>
              <span className="home-figure-value">
                {h.outstanding} <Money amount={summary.inputCredit.outstanding} currency="KHR" />
              </span>
              <span
                className={summary.inputCredit.overdue > 0 ? 'home-figure-note warn' : 'home-figure-note'}
              >
                {h.overdue} <Money amount={summary.inputCredit.overdue} currency="KHR" />
              </span>
            </>
          ) : (
            <span className="home-figure-note">{h.noInputCredit}</span>
          )}
        </Figure>
        <Figure title={h.months} onOpen={() => onOpen('months')}>
          {firstOpen ? (
            <span className="home-figure-value warn">
              {i18n.format(
                h.monthsOpen,
                { count: summary.openMonths.length },
                { month: monthLabel(firstOpen, i18n) },
              )}
            </span>
          ) : (
            <span className="home-figure-note">{h.allClosed}</span>
          )}
        </Figure>
        <Figure title={h.backup} onOpen={() => onOpen('backup')}>
          {summary.lastBackup ? (
            <span className="home-figure-value">{momentLabel(summary.lastBackup, i18n)}</span>
          ) : (
            <span className="home-figure-note warn">{h.noBackup}</span>
          )}
        </Figure>
      </div>
      <HomeCharts
        trend={summary.trend}
        onSavings={() => onOpen('statements')}
        onMembers={() => onOpen('members')}
      />
    </section>
  );
}
