// The annual report to the general assembly: membership and business figures, the balance sheet and the
// income statement with the previous year beside them, the allocation of the surplus by the by-law, and a
// chart of income and expenses over the last years. Every figure is read from the same functions the
// screens use (statements, the year close), so the report and the screens never disagree.

import type { Kysely } from 'kysely';
import { type Currency, type Digits, formatNumber, withDigits } from '../../shared/khmer';
import type { StatementLine, StatementSection } from '../../shared/ledger';
import { ALLOCATION_PARTS, type AllocationPart } from '../../shared/yearend';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { balanceAt, balanceSheet, incomeStatement } from '../ledger/statements';
import { getBylaws } from '../meetings/bylaws';
import { memberWeights } from '../yearend/allocation';
import { yearSpan, yearStatus } from '../yearend/close';
import {
  money,
  periodSubtitle,
  type ReportContext,
  type ReportOptions,
  Rows,
  renderFramed,
  reportDigits,
} from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';

const TEXT = {
  km: {
    title: (y: string) => `របាយការណ៍ប្រចាំឆ្នាំ ${y}`,
    fiscal: 'ឆ្នាំសារពើពន្ធ',
    figures: 'សមាជិកភាព និងអាជីវកម្ម',
    header: (y: string, p: string) => ['', `ឆ្នាំ ${y}`, `ឆ្នាំ ${p}`],
    members: 'សមាជិកនៅចុងឆ្នាំ',
    women: 'ក្នុងនោះស្ត្រី',
    joined: 'សមាជិកថ្មីក្នុងឆ្នាំ',
    left: 'សមាជិកចាកចេញក្នុងឆ្នាំ',
    shareCapital: 'ដើមទុនភាគហ៊ុន',
    savings: (c: string) => `ប្រាក់សន្សំសមាជិក (${c})`,
    inputs: 'ការលក់ធាតុចូលកសិកម្មឱ្យសមាជិក',
    sheet: 'តារាងតុល្យការ',
    income: 'របាយការណ៍លទ្ធផល',
    accountHeader: (y: string, p: string) => ['លេខកូដ', 'គណនី', `ឆ្នាំ ${y}`, `ឆ្នាំ ${p}`],
    sections: { asset: 'ទ្រព្យសកម្ម', liability: 'បំណុល', equity: 'មូលធន', income: 'ចំណូល', expense: 'ចំណាយ' },
    total: (name: string) => `សរុប${name}`,
    unallocated: 'ប្រាក់ចំណេញ (ខាត) មិនទាន់បែងចែក',
    surplus: 'ប្រាក់ចំណេញ (ខាត) ប្រចាំឆ្នាំ',
    currency: { KHR: 'រូបិយប័ណ្ណរៀល (KHR)', USD: 'រូបិយប័ណ្ណដុល្លារ (USD)' },
    allocation: 'ការបែងចែកប្រាក់ចំណេញ',
    allocationHeader: ['', 'ភាគរយ', 'ចំនួនទឹកប្រាក់'],
    approved: (meeting: string) => `អនុម័តដោយមហាសន្និបាត ${meeting}`,
    proposed: 'សំណើ៖ មិនទាន់អនុម័តដោយមហាសន្និបាតទេ',
    lossCovered: 'ទូទាត់ការខាតពីឆ្នាំមុន',
    loss: 'ឆ្នាំនេះខាត៖ ការខាតត្រូវយោងទៅឆ្នាំបន្ទាប់',
    parts: {
      reserve: 'មូលនិធិបម្រុង',
      development: 'មូលនិធិអភិវឌ្ឍន៍',
      social: 'មូលនិធិសង្គម',
      dividends: 'ភាគលាភលើភាគហ៊ុន',
      patronage: 'ប្រាក់បង្វិលសងតាមការប្រើប្រាស់សេវា',
    } satisfies Record<AllocationPart, string>,
    distributed: (n: string) => `ចែកជូនសមាជិក ${n} នាក់`,
    chart: 'ចំណូល និងចំណាយប្រចាំឆ្នាំ',
    unit: (u: string) => `គិតជា${u}រៀល`,
    thousand: 'ពាន់',
    million: 'លាន',
    series: { income: 'ចំណូល', expenses: 'ចំណាយ', surplus: 'ប្រាក់ចំណេញ' },
  },
  en: {
    title: (y: string) => `Annual report ${y}`,
    fiscal: 'Fiscal year',
    figures: 'Membership and business',
    header: (y: string, p: string) => ['', y, p],
    members: 'Members at the year end',
    women: 'of whom women',
    joined: 'Members who joined',
    left: 'Members who left',
    shareCapital: 'Share capital',
    savings: (c: string) => `Members’ savings (${c})`,
    inputs: 'Farm inputs sold to members',
    sheet: 'Balance sheet',
    income: 'Income statement',
    accountHeader: (y: string, p: string) => ['Code', 'Account', y, p],
    sections: {
      asset: 'Assets',
      liability: 'Liabilities',
      equity: 'Equity',
      income: 'Income',
      expense: 'Expenses',
    },
    total: (name: string) => `Total ${name.toLowerCase()}`,
    unallocated: 'Surplus (deficit) not yet allocated',
    surplus: 'Surplus (deficit) of the year',
    currency: { KHR: 'Riel (KHR)', USD: 'US dollars (USD)' },
    allocation: 'Allocation of the surplus',
    allocationHeader: ['', 'Percent', 'Amount'],
    approved: (meeting: string) => `Approved by the general assembly ${meeting}`,
    proposed: 'Proposal: not yet approved by a general assembly',
    lossCovered: 'Loss of earlier years covered',
    loss: 'A loss this year: carried forward to the next',
    parts: {
      reserve: 'Reserve fund',
      development: 'Development fund',
      social: 'Social fund',
      dividends: 'Dividends on shares',
      patronage: 'Patronage refunds',
    } satisfies Record<AllocationPart, string>,
    distributed: (n: string) => `shared among ${n} members`,
    chart: 'Income and expenses by year',
    unit: (u: string) => `${u} riel`,
    thousand: 'Thousand',
    million: 'Million',
    series: { income: 'Income', expenses: 'Expenses', surplus: 'Surplus' },
  },
} as const;

const FIGURE_COLUMNS: Column[] = [
  { width: BODY_WIDTH - 200 },
  { width: 100, align: 'right', fit: true },
  { width: 100, align: 'right', fit: true },
];
const ACCOUNT_COLUMNS: Column[] = [
  { width: 40, fit: true },
  { width: BODY_WIDTH - 240 },
  { width: 100, align: 'right', fit: true },
  { width: 100, align: 'right', fit: true },
];

interface YearFigures {
  members: number;
  women: number;
  joined: number;
  left: number;
  shareCapital: number;
  savings: Record<Currency, number>;
  inputs: number;
}

async function figuresOf(db: Kysely<Database>, span: { from: string; to: string }): Promise<YearFigures> {
  const count = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    Number(
      (
        await where(base())
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const base = () => db.selectFrom('members');
  const onRoll = (q: ReturnType<typeof base>) =>
    q
      .where('join_date', '<=', span.to)
      .where((eb) => eb.or([eb('exit_date', 'is', null), eb('exit_date', '>', span.to)]));
  const roles = [
    'share_capital',
    'savings_ordinary_khr',
    'savings_fixed_khr',
    'savings_ordinary_usd',
    'savings_fixed_usd',
  ];
  const accounts = await Promise.all(roles.map((role) => accountByRole(db, role)));
  const balances = await balanceAt(
    db,
    accounts.map((a) => a.id),
    span.to,
  );
  const credit = (i: number) => -(balances.get(accounts[i]?.id ?? 0) ?? 0);
  return {
    members: await count(onRoll),
    women: await count((q) => onRoll(q).where('sex', '=', 'F')),
    joined: await count((q) => q.where('join_date', '>=', span.from).where('join_date', '<=', span.to)),
    left: await count((q) => q.where('exit_date', '>=', span.from).where('exit_date', '<=', span.to)),
    shareCapital: credit(0),
    savings: { KHR: credit(1) + credit(2), USD: credit(3) + credit(4) },
    inputs: (await memberWeights(db, span.from, span.to)).reduce((sum, m) => sum + m.business, 0),
  };
}

/** This year's and last year's lines of a section side by side, in chart order, groups in bold. */
function comparedSection(
  rows: Rows,
  now: StatementSection | undefined,
  before: StatementSection | undefined,
  currency: Currency,
  { lang, digits }: ReportContext,
): void {
  const t = TEXT[lang];
  const byCode = new Map<string, { line: StatementLine; now: number; before: number }>();
  for (const [which, section] of [
    ['now', now],
    ['before', before],
  ] as const) {
    for (const line of section?.lines ?? []) {
      const entry = byCode.get(line.code) ?? { line, now: 0, before: 0 };
      entry[which] = line.amount;
      byCode.set(line.code, entry);
    }
  }
  const type = now?.type ?? before?.type;
  if (!type) return;
  for (const { line, now: a, before: b } of [...byCode.values()].sort((x, y) =>
    x.line.code < y.line.code ? -1 : 1,
  )) {
    const name = lang === 'km' ? line.nameKm : line.nameEn;
    rows.add(
      [
        withDigits(line.code, digits),
        `${line.depth > 0 ? '   ' : ''}${name}`,
        money(a, currency, digits),
        money(b, currency, digits),
      ],
      line.isGroup,
    );
  }
  rows.add(
    [
      '',
      t.total(t.sections[type]),
      money(now?.total ?? 0, currency, digits),
      money(before?.total ?? 0, currency, digits),
    ],
    true,
  );
}

function chartOf(
  years: { year: number; income: number; expenses: number; surplus: number }[],
  lang: Lang,
  digits: Digits,
): Block {
  const t = TEXT[lang];
  const max = Math.max(0, ...years.flatMap((y) => [y.income, y.expenses, Math.abs(y.surplus)]));
  const unit = max >= 10_000_000 ? 1_000_000 : 1_000;
  const scale = (v: number) => Math.round(v / unit);
  return {
    kind: 'chart',
    height: 190,
    title: t.chart,
    unit: t.unit(unit === 1_000_000 ? t.million : t.thousand),
    labels: years.map((y) => withDigits(String(y.year), digits)),
    series: [
      { label: t.series.income, color: '#2e6f9e', values: years.map((y) => scale(y.income)) },
      { label: t.series.expenses, color: '#c0392b', values: years.map((y) => scale(y.expenses)) },
      { label: t.series.surplus, color: '#d4a017', values: years.map((y) => scale(y.surplus)) },
    ],
    format: (n) => formatNumber(n, digits),
    after: 10,
  };
}

export async function annualReportPdf(db: Kysely<Database>, options: ReportOptions & { year: number }) {
  const { year } = options;
  const span = await yearSpan(db, year);
  const previous = await yearSpan(db, year - 1);
  const [sheet, sheetBefore, income, incomeBefore, figures, figuresBefore, status, bylaws] =
    await Promise.all([
      balanceSheet(db, span.to),
      balanceSheet(db, previous.to),
      incomeStatement(db, span.from, span.to),
      incomeStatement(db, previous.from, previous.to),
      figuresOf(db, span),
      figuresOf(db, previous),
      yearStatus(db, year),
      getBylaws(db),
    ]);
  const founded = (await db.selectFrom('cooperative').select('founded_on').executeTakeFirstOrThrow())
    .founded_on;
  const chartYears: { year: number; income: number; expenses: number; surplus: number }[] = [];
  for (let y = year - 4; y <= year; y++) {
    const s = await yearSpan(db, y);
    if (s.to < founded) continue;
    const khr = (await incomeStatement(db, s.from, s.to)).currencies.find((c) => c.currency === 'KHR');
    // Years before the books began have nothing to draw.
    if (y !== year && !khr) continue;
    chartYears.push({
      year: y,
      income: khr?.income.total ?? 0,
      expenses: khr?.expenses.total ?? 0,
      surplus: khr?.surplus ?? 0,
    });
  }
  const t = TEXT[options.lang];
  const subtitle = `${t.fiscal}${options.lang === 'km' ? '៖' : ':'} ${periodSubtitle(span.from, span.to, options.lang)}`;
  const title = t.title(withDigits(String(year), await reportDigits(db, options)));
  return renderFramed(db, options, title, subtitle, (context): Block[] => {
    const { lang, digits } = context;
    const y = withDigits(String(year), digits);
    const p = withDigits(String(year - 1), digits);
    const heading = (text: string): Block => ({ kind: 'paragraph', text, size: 12, bold: true, after: 3 });
    const sub = (text: string): Block => ({ kind: 'paragraph', text, size: 10, bold: true, after: 2 });
    const n = (v: number) => formatNumber(v, digits);
    const blocks: Block[] = [heading(t.figures)];
    const facts = new Rows();
    facts.add([t.members, n(figures.members), n(figuresBefore.members)]);
    facts.add([t.women, n(figures.women), n(figuresBefore.women)]);
    facts.add([t.joined, n(figures.joined), n(figuresBefore.joined)]);
    facts.add([t.left, n(figures.left), n(figuresBefore.left)]);
    facts.add([
      t.shareCapital,
      money(figures.shareCapital, 'KHR', digits),
      money(figuresBefore.shareCapital, 'KHR', digits),
    ]);
    facts.add([
      t.savings('KHR'),
      money(figures.savings.KHR, 'KHR', digits),
      money(figuresBefore.savings.KHR, 'KHR', digits),
    ]);
    facts.add([
      t.savings('USD'),
      money(figures.savings.USD, 'USD', digits),
      money(figuresBefore.savings.USD, 'USD', digits),
    ]);
    facts.add([t.inputs, money(figures.inputs, 'KHR', digits), money(figuresBefore.inputs, 'KHR', digits)]);
    blocks.push(facts.table(FIGURE_COLUMNS, t.header(y, p)));
    if (chartYears.length > 1) blocks.push(chartOf(chartYears, lang, digits));

    blocks.push({ kind: 'pageBreak' }, heading(t.sheet));
    for (const currency of ['KHR', 'USD'] as const) {
      const a = sheet.currencies.find((c) => c.currency === currency);
      const b = sheetBefore.currencies.find((c) => c.currency === currency);
      if (!a && !b) continue;
      const rows = new Rows();
      for (const key of ['assets', 'liabilities', 'equity'] as const)
        comparedSection(rows, a?.[key], b?.[key], currency, context);
      rows.add(
        [
          '',
          t.unallocated,
          money(a?.surplus ?? 0, currency, digits),
          money(b?.surplus ?? 0, currency, digits),
        ],
        true,
      );
      blocks.push(sub(t.currency[currency]), rows.table(ACCOUNT_COLUMNS, t.accountHeader(y, p)));
    }
    blocks.push(heading(t.income));
    for (const currency of ['KHR', 'USD'] as const) {
      const a = income.currencies.find((c) => c.currency === currency);
      const b = incomeBefore.currencies.find((c) => c.currency === currency);
      if (!a && !b) continue;
      const rows = new Rows();
      comparedSection(rows, a?.income, b?.income, currency, context);
      comparedSection(rows, a?.expenses, b?.expenses, currency, context);
      rows.add(
        ['', t.surplus, money(a?.surplus ?? 0, currency, digits), money(b?.surplus ?? 0, currency, digits)],
        true,
      );
      blocks.push(sub(t.currency[currency]), rows.table(ACCOUNT_COLUMNS, t.accountHeader(y, p)));
    }

    blocks.push(heading(t.allocation));
    const { allocation } = status;
    blocks.push({
      kind: 'paragraph',
      text: status.closed ? t.approved(status.closed.meetingNumber) : t.proposed,
      size: 10,
      after: 3,
    });
    const rows = new Rows();
    rows.add([t.surplus, '', money(allocation.surplus, 'KHR', digits)], true);
    if (allocation.surplus <= 0) {
      blocks.push({ kind: 'paragraph', text: t.loss, size: 10, after: 3 });
    } else {
      if (allocation.lossCovered > 0)
        rows.add([t.lossCovered, '', money(allocation.lossCovered, 'KHR', digits)]);
      const percent = {
        reserve: bylaws.reservePercent,
        development: bylaws.developmentPercent,
        social: bylaws.socialPercent,
        dividends: bylaws.dividendPercent,
        patronage: bylaws.patronagePercent,
      };
      for (const part of ALLOCATION_PARTS) {
        rows.add([t.parts[part], `${n(percent[part])}%`, money(allocation.parts[part], 'KHR', digits)]);
      }
    }
    blocks.push(rows.table(FIGURE_COLUMNS, [...t.allocationHeader]));
    blocks.push({
      kind: 'paragraph',
      text: t.distributed(n(status.distributions.length)),
      size: 10,
      after: 6,
    });
    return blocks;
  });
}
