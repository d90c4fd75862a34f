import { type ReactNode, useEffect, useRef, useState } from 'react';
import { firstOfMonth, localToday } from '../../shared/dates';
import type { Account } from '../../shared/ledger';
import type { MemberRow } from '../../shared/schemas';
import { encodeError } from '../components/form';
import { useAccounts } from '../components/pickers';
import { type I18n, useI18n } from '../i18n';
import { CashBookTable, GeneralLedgerTable } from './statements/LedgerTables';
import { MemberBalanceCard } from './statements/MemberBalanceCard';
import { QueryBar } from './statements/QueryBar';
import {
  INPUTS,
  loadStatement,
  type QueryErrors,
  type Statement,
  type StatementQuery,
} from './statements/query';
import { refusalText } from './statements/refusal';
import { BalanceSheetTable, IncomeStatementTable } from './statements/SectionTables';
import { nameIn, TrialBalanceTable } from './statements/TrialBalanceTable';

function initialQuery(): StatementQuery {
  const today = localToday();
  return {
    kind: 'trialBalance',
    asOf: today,
    from: firstOfMonth(today),
    to: today,
    currency: 'KHR',
    accountId: null,
    memberId: null,
  };
}

/** What the statement is of and when, as its heading says it. */
function subtitle(statement: Statement, i18n: I18n): string {
  const s = i18n.t.statements;
  const { value } = statement;
  if ('asOf' in value) return i18n.format(s.atDate, { date: i18n.date(value.asOf) });
  return i18n.format(s.period, { from: i18n.date(value.from), to: i18n.date(value.to) });
}

function title(statement: Statement, i18n: I18n): string {
  const s = i18n.t.statements;
  const name = s.kinds[statement.kind];
  if (statement.kind === 'generalLedger') {
    const { account } = statement.value;
    return `${name} · ${account.code} ${nameIn(i18n.language, account)}`;
  }
  if (statement.kind === 'cashBook') return `${name} · ${s.currencies[statement.value.currency]}`;
  return name;
}

function StatementBody({
  statement,
  member,
  accounts,
}: {
  statement: Statement;
  member: MemberRow | null;
  accounts: readonly Account[];
}): ReactNode {
  switch (statement.kind) {
    case 'trialBalance':
      return <TrialBalanceTable statement={statement.value} />;
    case 'balanceSheet':
      return <BalanceSheetTable statement={statement.value} />;
    case 'incomeStatement':
      return <IncomeStatementTable statement={statement.value} />;
    case 'generalLedger':
      return <GeneralLedgerTable ledger={statement.value} />;
    case 'cashBook':
      return <CashBookTable book={statement.value} />;
    case 'memberBalance': {
      const { value } = statement;
      return (
        <MemberBalanceCard
          balance={value}
          member={member?.id === value.memberId ? member : null}
          account={accounts.find((a) => a.id === value.accountId)}
        />
      );
    }
  }
}

/** The statements on screen: choose one, give its dates, read it. */
export function StatementsScreen() {
  const i18n = useI18n();
  const s = i18n.t.statements;
  const { accounts } = useAccounts();
  const [query, setQuery] = useState(initialQuery);
  const [errors, setErrors] = useState<QueryErrors>({});
  const [statement, setStatement] = useState<Statement | null>(null);
  const [banner, setBanner] = useState('');
  const [member, setMember] = useState<MemberRow | null>(null);
  const latest = useRef(0);

  // `quiet` while the user is still choosing: an unfinished choice is not yet an error.
  const show = async (next: StatementQuery, quiet: boolean) => {
    const request = ++latest.current;
    const outcome = await loadStatement(next);
    if (request !== latest.current) return;
    if ('statement' in outcome) {
      setStatement(outcome.statement);
      setErrors({});
      setBanner('');
    } else if ('errors' in outcome) {
      if (!quiet) setErrors(outcome.errors);
    } else {
      const field = INPUTS[next.kind].find((name) => name === outcome.refusal.field);
      if (field) setErrors({ [field]: encodeError(outcome.refusal) });
      else setBanner(refusalText(i18n, outcome.refusal));
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first statement shows once, on opening.
  useEffect(() => {
    void show(query, true);
  }, []);

  const change = (patch: Partial<StatementQuery>, options: { apply: boolean; member?: MemberRow | null }) => {
    const next = { ...query, ...patch };
    const account = accounts.find((a) => a.id === next.accountId);
    if (next.kind === 'memberBalance' && !account?.isControl) next.accountId = null;
    if (options.member !== undefined) setMember(options.member);
    if (patch.kind && patch.kind !== query.kind) setStatement(null);
    setQuery(next);
    setErrors((current) => {
      const kept = { ...current };
      for (const field of Object.keys(patch)) delete kept[field as keyof QueryErrors];
      return kept;
    });
    setBanner('');
    if (options.apply) void show(next, true);
  };

  return (
    <section className="screen statements-screen">
      <header className="screen-header">
        <h1>{s.title}</h1>
      </header>
      <QueryBar
        query={query}
        errors={errors}
        accounts={accounts}
        onChange={change}
        onShow={() => void show(query, false)}
      />
      {banner ? (
        <div className="banner error" role="alert">
          {banner}
        </div>
      ) : null}
      <div className="stmt-output">
        {statement ? (
          <>
            <header className="stmt-title">
              <h2>{title(statement, i18n)}</h2>
              <span className="muted">{subtitle(statement, i18n)}</span>
            </header>
            <div className="stmt-scroll">
              <StatementBody statement={statement} member={member} accounts={accounts} />
            </div>
          </>
        ) : query.kind === 'memberBalance' ? (
          <p className="muted">{s.memberBalance.hint}</p>
        ) : query.kind === 'generalLedger' ? (
          <p className="muted">{s.ledger.chooseAccount}</p>
        ) : null}
      </div>
    </section>
  );
}
