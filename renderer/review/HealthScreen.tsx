import { useCallback, useEffect, useState } from 'react';
import { auditFindingText } from '../../shared/audit';
import { HEALTH_CHECKS, type HealthFinding, type HealthReport } from '../../shared/health';
import { formatAmount } from '../../shared/khmer';
import { call } from '../api';
import { type I18n, useI18n } from '../i18n';
import { refusalText } from '../ledger/statements/refusal';
import type { SearchTargets } from '../search/SearchDialog';

/** Where a finding is, in the words of the screens that show it: the entry, the member, the account, the day. */
function findingText(f: HealthFinding, i18n: I18n): string {
  const money = (amount: number, currency: string) =>
    currency === 'KHR' || currency === 'USD'
      ? formatAmount(amount, currency, { digits: i18n.digits })
      : String(amount);
  switch (f.kind) {
    case 'books':
      return `${f.currency}: ${money(f.amount, f.currency)}`;
    case 'entry':
      return `${f.number ?? `#${f.entryId}`} · ${i18n.date(f.date)} · ${money(f.amount, f.currency)}`;
    case 'no_member':
      return `${f.accountCode} · ${i18n.num(f.amount)}`;
    case 'month_totals':
      return `${f.accountCode} · ${f.month} · ${i18n.num(f.totals)} ≠ ${i18n.num(f.lines)}`;
    case 'negative':
      return f.check === 'savings'
        ? `${i18n.num(f.memberNumber)} ${f.memberName} · ${f.accountCode} · ${i18n.num(f.balance)}`
        : `${f.accountCode} · ${i18n.date(f.date)} · ${money(f.balance, f.currency)}`;
    case 'posted_after_close':
      return `${f.number ?? `#${f.entryId}`} · ${i18n.date(f.date)} · ${f.month}`;
    case 'audit':
      return auditFindingText(f.finding, i18n.language);
  }
}

/** The door a finding opens: the member's statement, the journal for an entry, the chart for an account. */
function findingDoor(f: HealthFinding, targets: SearchTargets): (() => void) | null {
  switch (f.kind) {
    case 'entry':
    case 'posted_after_close':
      return targets.onJournal;
    case 'no_member':
    case 'month_totals':
      return targets.onAccounts;
    case 'negative':
      return f.check === 'savings' ? () => targets.onMember(f.memberId) : targets.onAccounts;
    default:
      return null;
  }
}

/** The health check of the open books (or review copy): each check, passed or with what it found. */
export function HealthScreen(targets: SearchTargets) {
  const i18n = useI18n();
  const b = i18n.t.backup;
  const [report, setReport] = useState<HealthReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async () => {
    const result = await call('health.check', {});
    if (result.ok) setReport(result.value);
    else setError(refusalText(i18n, result.error));
  }, [i18n]);
  useEffect(() => {
    void run();
  }, [run]);

  return (
    <section className="screen health-screen">
      <header className="screen-header">
        <h1>{b.health}</h1>
        <button type="button" onClick={() => void run()}>
          {b.check}
        </button>
      </header>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {report?.healthy ? (
        <div className="banner ok" role="status">
          {b.healthy}
        </div>
      ) : null}
      {report ? (
        <ul className="health-checks">
          {HEALTH_CHECKS.map((name) => (
            <li key={name} className={report.checks[name] === 0 ? 'health-ok' : 'health-bad'}>
              <strong>{b.checks[name]}</strong>
              {' — '}
              {report.checks[name] === 0 ? b.ok : i18n.format(b.found, { count: report.checks[name] })}
              {report.checks[name] > 0 ? (
                <ul>
                  {report.findings
                    .filter((f) => f.check === name)
                    .map((f) => {
                      const open = findingDoor(f, targets);
                      return (
                        <li key={JSON.stringify(f)}>
                          {findingText(f, i18n)}{' '}
                          {open ? (
                            <button type="button" className="link" onClick={open}>
                              {i18n.t.review.open}
                            </button>
                          ) : null}
                        </li>
                      );
                    })}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
