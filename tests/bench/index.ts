// `npm run bench`: how fast the register and the books are at the size of the largest cooperative. It
// reports and does not fail; the targets are the ones the issues set for an old laptop.
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { localIsoDate, systemClock } from '../../main/clock';
import { getCooperative } from '../../main/cooperative/profile';
import { openDatabase } from '../../main/db/open';
import type { Database } from '../../main/db/schema';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { DEMO_PRODUCTS } from '../../main/demo/ledger-setup';
import { accountByRole } from '../../main/ledger/accounts';
import { type EntryDraft, postEntries } from '../../main/ledger/posting';
import { balanceSheet, generalLedger, memberBalance, trialBalance } from '../../main/ledger/statements';
import { EVERY_MEMBER, listMembers } from '../../main/members/search';
import { memberStatement } from '../../main/members/statement';
import { buildReport } from '../../main/reports/catalog';
import { renderReport } from '../../main/reports/layout';
import { memberRegisterDocument } from '../../main/reports/member-register';
import { postCollectionDay } from '../../main/savings/accounts';
import { postInterest, previewInterest } from '../../main/savings/interest';
import { addMonths } from '../../main/savings/interest-math';
import { listProducts } from '../../main/savings/products';
import { lastEndedMonth } from '../../shared/dates';
import { reportRequestSchema } from '../../shared/reports';
import type { SavingsProduct } from '../../shared/savings';
import type { MemberQuery } from '../../shared/schemas';
import { auditFigure } from './audit';
import { backupFigures } from './backup';
import { homeFigure } from './home';
import { importFigures } from './imports';
import { distributionFigure, inputsReadFigures } from './inputs';
import { longReportFigures, processFigures } from './processes';
import { salesFigures } from './sales';

const MEMBERS = 3_000;
const YEARS = 10;
const SEED = 1;
const MIN_LINES = 1_000_000;

interface Figure {
  what: string;
  value: string;
  target?: { label: string; pass: boolean };
  /** Printed last on its line: Khmer vowel signs take no width of their own, so Khmer cannot be padded. */
  detail?: string;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

async function medianMs(runs: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const timed = (what: string, measured: number, targetMs: number, detail?: string): Figure => ({
  what,
  value: ms(measured),
  target: { label: `< ${targetMs} ms`, pass: measured < targetMs },
  ...(detail ? { detail } : {}),
});
const query = (text: string): MemberQuery => ({ text, status: 'all', sex: 'all', sort: 'name' });

function printTable(figures: Figure[]): void {
  const header = ['measure', 'figure', 'target', 'result'];
  const rows = figures.map((f) => [
    f.what,
    f.value,
    f.target?.label ?? '',
    f.target ? (f.target.pass ? 'PASS' : 'MISS') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[], detail = '') =>
    [
      ...cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))),
      detail,
    ]
      .join('  ')
      .trimEnd();
  console.log(line(header, 'detail'));
  console.log(
    line(
      widths.map((w) => '-'.repeat(w)),
      '------',
    ),
  );
  for (const [i, row] of rows.entries()) console.log(line(row, figures[i]?.detail));
}

// openDatabase's close() leaves the SQLite handle open when no query ran through Kysely (an up-to-date
// file needs none), so the handle is closed here too: otherwise every "open" after the first is measured
// against a file that is still open.
async function openAndClose(file: string): Promise<void> {
  const opened = await openDatabase(file);
  await opened.close();
  if (opened.sqlite.open) opened.sqlite.close();
}

async function searchFigures(db: Kysely<Database>): Promise<Figure[]> {
  // Fragments taken from a real member, so that each search finds people rather than nothing.
  const sample = await db
    .selectFrom('members')
    .select(['name_km', 'name_latin', 'number'])
    .where('number', '=', Math.floor(MEMBERS / 2))
    .executeTakeFirstOrThrow();
  const [familyKm = '', givenKm = ''] = sample.name_km.split(' ');
  const givenLatin = (sample.name_latin ?? '').split(' ')[1] ?? '';
  const searches = [
    { what: 'a Khmer family name', text: familyKm },
    { what: 'part of a Khmer given name', text: givenKm.slice(0, 3) },
    { what: 'part of a Latin given name', text: givenLatin.slice(0, 4).toLowerCase() },
    { what: 'a member number', text: String(sample.number) },
  ];
  const figures: Figure[] = [];
  for (const search of searches) {
    const found = (await listMembers(db, query(search.text))).length;
    const measured = await medianMs(200, () => listMembers(db, query(search.text)));
    figures.push(
      timed(`search by ${search.what} (median of 200)`, measured, 10, `'${search.text}': ${found} found`),
    );
  }
  const listAll = await medianMs(50, () => listMembers(db, query('')));
  figures.push(timed(`list all ${MEMBERS} by Khmer name (median of 50)`, listAll, 100));
  return figures;
}

/** Days spread over the whole history, none at a month's end: a statement may be asked for any day. */
function spreadDates(first: string, last: string, count: number): string[] {
  const [start, end] = [Date.parse(first), Date.parse(last)];
  return Array.from({ length: count }, (_, i) =>
    new Date(start + ((end - start) * (i + 0.37)) / count).toISOString().slice(0, 10),
  );
}

const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);

const pick = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

async function statementFigures(db: Kysely<Database>, today: string): Promise<Figure[]> {
  const cooperative = await db.selectFrom('cooperative').select('founded_on').executeTakeFirstOrThrow();
  const dates = spreadDates(cooperative.founded_on, today, 10);
  const cash = await accountByRole(db, 'cash_khr');
  const savings = await accountByRole(db, 'savings_ordinary_khr');
  await trialBalance(db, today);
  const trial = await medianMs(30, (i) => trialBalance(db, pick(dates, i)));
  const sheet = await medianMs(30, (i) => balanceSheet(db, pick(dates, i)));
  const atDates = `${dates.length} dates, ${dates[0]} … ${dates.at(-1)}`;

  const month = spreadDates(cooperative.founded_on, today, 1)[0]?.slice(0, 7) ?? today.slice(0, 7);
  // Day 0 of the next month is the last day of this one.
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  // Cash takes a line for every deposit; the bank account, with a few a month, shows the fixed cost.
  const ledgers: Figure[] = [];
  for (const [name, account] of [
    ['cash KHR', cash],
    ['bank KHR', await accountByRole(db, 'bank_khr')],
  ] as const) {
    const ledger = await generalLedger(db, account.id, `${month}-01`, to);
    const measured = await medianMs(100, () => generalLedger(db, account.id, `${month}-01`, to));
    // Only a long ledger says what one more line costs; a short one shows the fixed cost of asking.
    const perLine =
      ledger.rows.length >= 100 ? `, ${((measured * 1000) / ledger.rows.length).toFixed(1)} µs a line` : '';
    const what = `general ledger, ${name}, ${month} (median of 100)`;
    ledgers.push(timed(what, measured, 5, `${ledger.rows.length} lines${perLine}`));
  }
  // A month twice as busy has as many lines as two months of this one.
  const twoTo = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) + 1, 0))
    .toISOString()
    .slice(0, 10);
  const twice = await generalLedger(db, cash.id, `${month}-01`, twoTo);
  const twiceMs = await medianMs(100, () => generalLedger(db, cash.id, `${month}-01`, twoTo));
  ledgers.push(
    timed(
      'general ledger, cash KHR, a month twice as busy (median of 100)',
      twiceMs,
      5,
      `${twice.rows.length} lines: ${month} and the month after`,
    ),
  );

  // A hundred members across the register, from the first to join (the longest history) to the latest,
  // each asked once: no answer comes from pages the previous run left in the cache.
  const members = (await db.selectFrom('members').select('id').orderBy('join_date').execute()).filter(
    (_, i) => i % 30 === 0,
  );
  const balance = await medianMs(100, (i) => memberBalance(db, pick(members, i).id, savings.id, today));
  const memberLines = await db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', savings.id)
    .where(
      'member_id',
      'in',
      members.map((m) => m.id),
    )
    .executeTakeFirstOrThrow();
  return [
    timed('trial balance at a date (median of 30)', trial, 50, atDates),
    timed('balance sheet at a date (median of 30)', sheet, 50, atDates),
    ...ledgers,
    timed(
      'member balance, savings KHR (median of 100)',
      balance,
      5,
      `${members.length} members, ${Math.round(memberLines.n / members.length)} lines each on average`,
    ),
  ];
}

const POSTING_RUNS = 12;
const DEPOSITS = 300;
const STATEMENTS = 40;
const INTEREST_RUNS = 10;

/** Successive days up to today: all in the two months the demo leaves open. */
const postingDays = (today: string) =>
  Array.from({ length: POSTING_RUNS }, (_, i) => dayBefore(today, POSTING_RUNS - 1 - i));

/** One collection day as the ledger alone posts it: 300 deposit entries in one transaction. */
async function postingFigure(db: Kysely<Database>, now: { today: string; timestamp: string }) {
  const cash = await accountByRole(db, 'cash_khr');
  const savings = await accountByRole(db, 'savings_ordinary_khr');
  const members = await db.selectFrom('members').select(['id', 'join_date']).orderBy('id').execute();
  const days = postingDays(now.today);
  const batches = days.map((date, run): EntryDraft[] => {
    const present = members.filter((m) => m.join_date <= date);
    return Array.from({ length: DEPOSITS }, (_, i) => {
      const amount = 10_000 + ((run * 7919 + i * 104_729) % 190) * 1000;
      const member = pick(present, run * DEPOSITS + i * 7);
      return {
        date,
        kind: 'savings_deposit',
        memo: 'ដាក់ប្រាក់សន្សំ',
        lines: [
          { accountId: cash.id, currency: 'KHR', amount },
          { accountId: savings.id, memberId: member.id, currency: 'KHR', amount: -amount },
        ],
      };
    });
  });
  const actor = { ...now, user: 'bench' };
  const measured = await medianMs(POSTING_RUNS, (i) =>
    db.transaction().execute((trx) => postEntries(trx, pick(batches, i), actor)),
  );
  return timed(
    `postEntries alone, ${DEPOSITS} deposit entries (median of ${POSTING_RUNS})`,
    measured,
    300,
    `${days[0]} … ${days.at(-1)}, one transaction each`,
  );
}

async function rielProduct(db: Kysely<Database>): Promise<SavingsProduct> {
  const product = (await listProducts(db)).find((p) => p.nameEn === DEMO_PRODUCTS.khr.nameEn);
  if (!product) throw new Error('the demo has no ordinary riel product');
  return product;
}

/** The member statement of the members with the most savings movements, each asked once. */
async function memberStatementFigure(db: Kysely<Database>, today: string): Promise<Figure> {
  const controls = (await listProducts(db)).map((p) => p.accountId);
  const busiest = await db
    .selectFrom('journal_lines')
    .select((eb) => ['member_id', eb.fn.countAll<number>().as('n')])
    .where('account_id', 'in', controls)
    .where('member_id', 'is not', null)
    .groupBy('member_id')
    .orderBy('n', 'desc')
    .limit(STATEMENTS + 1)
    .execute();
  const [warmUp, ...members] = busiest;
  if (warmUp?.member_id) await memberStatement(db, warmUp.member_id, today);
  const sizes: number[] = [];
  const measured = await medianMs(members.length, async (i) => {
    const statement = await memberStatement(db, pick(members, i).member_id ?? 0, today);
    sizes.push(statement.savings.reduce((sum, account) => sum + account.movements.length, 0));
  });
  const accounts = (await memberStatement(db, pick(members, 0).member_id ?? 0, today)).savings.length;
  return timed(
    `member statement, all accounts and movements (median of ${members.length})`,
    measured,
    20,
    `the ${members.length} busiest savers: ${Math.min(...sizes)}–${Math.max(...sizes)} movements, ` +
      `${accounts} accounts for the first`,
  );
}

/** The last month that has ended: the interest screen's most recent run. */

async function previewInterestFigure(db: Kysely<Database>, today: string): Promise<Figure> {
  const product = await rielProduct(db);
  const period = lastEndedMonth(today);
  const run = await previewInterest(db, product.id, period, today);
  const measured = await medianMs(INTEREST_RUNS, () => previewInterest(db, product.id, period, today));
  return timed(
    `interest preview, ${product.nameEn}, ${period} (median of ${INTEREST_RUNS})`,
    measured,
    1000,
    `${run.lines.length} accounts earn, ${run.total.toLocaleString('en')} ៛`,
  );
}

/**
 * The demo has run every month that has ended, so postInterest is measured on a copy of the file: this
 * month and the nine after it, each with a bookkeeper whose today is the day after the month.
 */
async function postInterestFigure(file: string, today: string): Promise<Figure> {
  const copy = await openDatabase(file);
  try {
    const product = await rielProduct(copy.db);
    const lines: number[] = [];
    const first = today.slice(0, 7);
    const periods = Array.from({ length: INTEREST_RUNS }, (_, i) => addMonths(`${first}-01`, i).slice(0, 7));
    const measured = await medianMs(INTEREST_RUNS, async (i) => {
      const period = pick(periods, i);
      const after = addMonths(`${period}-01`, 1);
      const actor = { today: after, timestamp: `${after}T02:00:00.000Z`, user: 'bench' };
      lines.push((await postInterest(copy.db, product.id, period, actor)).lines.length);
    });
    return timed(
      `interest run posted, ${product.nameEn} (median of ${INTEREST_RUNS})`,
      measured,
      1000,
      `on a copy, ${periods[0]} … ${periods.at(-1)}: ${Math.min(...lines)}–${Math.max(...lines)} member lines`,
    );
  } finally {
    await copy.close();
  }
}

/** A collection day as the screen posts it: 300 members, each deposit its own entry and receipt. */
async function collectionDayFigure(db: Kysely<Database>, now: { today: string; timestamp: string }) {
  const product = await rielProduct(db);
  const cash = await accountByRole(db, 'cash_khr');
  const members = await db
    .selectFrom('members')
    .select(['id', 'join_date'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const days = postingDays(now.today);
  const inputs = days.map((date, run) => {
    const present = members.filter((m) => m.join_date <= date);
    const deposits = Array.from({ length: DEPOSITS }, (_, i) => ({
      memberId: pick(present, run * DEPOSITS + i).id,
      amount: 10_000 + ((run * 7919 + i * 104_729) % 190) * 1000,
    }));
    return { productId: product.id, date, cashAccountId: cash.id, deposits };
  });
  const actor = { ...now, user: 'bench' };
  let opened = 0;
  const measured = await medianMs(POSTING_RUNS, async (i) => {
    const result = await postCollectionDay(db, pick(inputs, i), actor);
    opened += result.receipts.filter((r) => r.opened).length;
  });
  return timed(
    `collection day, ${DEPOSITS} deposits through postCollectionDay (median of ${POSTING_RUNS})`,
    measured,
    300,
    `${days[0]} … ${days.at(-1)}, ${opened} accounts opened on the way`,
  );
}

/** Pages in a PDF written by the report engine (pdfkit writes no object streams: every page is visible). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/**
 * Printed reports, built in process exactly as the report worker builds them (main/reports/catalog.ts),
 * after one warm-up build that loads the fonts and HarfBuzz (the worker keeps them loaded between jobs).
 */
async function reportFigures(db: Kysely<Database>, today: string): Promise<Figure[]> {
  const options = { lang: 'km' as const, today };
  const build = (request: Record<string, unknown>) =>
    buildReport(db, reportRequestSchema.parse({ lang: 'km', ...request }), today);
  const first = performance.now();
  await build({ report: 'trial-balance', asOf: today });
  const figures: Figure[] = [
    {
      what: 'first report of a session (trial balance, loading fonts and HarfBuzz)',
      value: ms(performance.now() - first),
    },
  ];

  // A 54-page A4 table: the member register's rows, as many as fill 54 pages.
  const members = await listMembers(db, EVERY_MEMBER);
  const cooperative = await getCooperative(db);
  const registerOf = (count: number) =>
    renderReport(memberRegisterDocument(cooperative, members.slice(0, count), options));
  // Rows per page vary with the names that wrap: home in on the row count that fills 54 pages.
  let rows = 1_600;
  for (let tries = 0; tries < 6; tries++) {
    const pages = pageCount(await registerOf(rows));
    if (pages === 54) break;
    rows = Math.round((rows * 53.5) / pages);
  }
  let table: Buffer = Buffer.alloc(0);
  const tableMs = await medianMs(3, async () => {
    table = await registerOf(rows);
  });
  figures.push(
    timed(`${pageCount(table)}-page A4 table (member register, ${rows} rows, median of 3)`, tableMs, 1500),
  );

  const month = lastEndedMonth(today);
  let board: Buffer = Buffer.alloc(0);
  const boardMs = await medianMs(3, async () => {
    board = await build({ report: 'board-statement', month });
  });
  figures.push(
    timed(`monthly board statement ${month} (${pageCount(board)} pages, median of 3)`, boardMs, 1000),
  );

  return figures;
}

/** Every member's statement for the year so far (as the Reports screen offers it), in one document. */
async function statementsPdfFigure(db: Kysely<Database>, today: string): Promise<Figure> {
  const build = (request: Record<string, unknown>) =>
    buildReport(db, reportRequestSchema.parse({ lang: 'km', ...request }), today);
  // The fonts and HarfBuzz loaded first, as the report worker keeps them between jobs.
  await build({ report: 'trial-balance', asOf: today });
  const members = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const started = performance.now();
  const statements = await build({
    report: 'member-statement',
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
  });
  const seconds = (performance.now() - started) / 1000;
  if (process.env.BENCH_KEEP_PDF) writeFileSync(process.env.BENCH_KEEP_PDF, statements);
  return {
    what: `member statements of all ${members.n} members, year to date, in one PDF`,
    value: `${seconds.toFixed(1)} s`,
    target: { label: '< 20 s', pass: seconds < 20 },
    detail: `${pageCount(statements).toLocaleString('en')} pages, ${(statements.length / 1_048_576).toFixed(1)} MiB`,
  };
}

/** The parts of the bench, each run alone with `npm run bench -- --only NAME[,NAME]`. */
const PARTS = [
  'open',
  'search',
  'ledger',
  'home',
  'members',
  'interest',
  'posting',
  'inputs',
  'sales',
  'reports',
  'statements',
  'long',
  'backup',
  'audit',
  'cli',
  'imports',
] as const;
type Part = (typeof PARTS)[number];

/**
 * `--only a,b` runs only those parts; `--db FILE` measures a copy of an existing demo (made by
 * `npm run cli -- demo --db FILE --members 3000`) instead of generating one: the generation takes a minute.
 */
function benchOptions(argv: readonly string[]): { only: Set<Part>; db: string | undefined } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const named = value('--only')?.split(',') ?? [...PARTS];
  const unknown = named.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  return { only: new Set(named as Part[]), db: value('--db') };
}

async function demoFigures(
  file: string,
  given: string | undefined,
  now: { today: string; timestamp: string },
) {
  if (given) {
    // SQLite's own copy: what the given file's write-ahead log still holds comes along.
    const source = new BetterSqlite3(given, { readonly: true, fileMustExist: true });
    await source.backup(file);
    source.close();
    const opened = await openDatabase(file);
    const lines = await opened.db
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await opened.close();
    return { lines: lines.n, figures: [{ what: `demo copied from ${given}`, value: '' }] };
  }
  const started = performance.now();
  const demo = await openDatabase(file);
  const made = await createDemoCooperative(demo.db, { members: MEMBERS, seed: SEED, years: YEARS, now });
  await demo.close();
  const seconds = (performance.now() - started) / 1000;
  const figure: Figure = {
    what: `demo generation, ${MEMBERS} members, ${YEARS} years (seed ${SEED})`,
    value: `${seconds.toFixed(1)} s`,
    target: { label: '< 120 s', pass: seconds < 120 },
    detail: `${made.entries.toLocaleString('en')} entries`,
  };
  return { lines: made.lines, figures: [figure] };
}

async function main(): Promise<void> {
  const { only, db: given } = benchOptions(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'sahakum-bench-'));
  try {
    const file = join(dir, 'demo.db');
    const clock = systemClock();
    const now = { today: localIsoDate(clock), timestamp: clock.toISOString() };
    const demo = await demoFigures(file, given, now);
    const copy = join(dir, 'copy.db');
    copyFileSync(file, copy);
    const figures: Figure[] = [
      ...demo.figures,
      {
        what: 'journal lines in the demo',
        value: demo.lines.toLocaleString('en'),
        target: { label: `≥ ${MIN_LINES.toLocaleString('en')}`, pass: demo.lines >= MIN_LINES },
      },
      { what: 'database file size', value: `${(statSync(file).size / 1_048_576).toFixed(1)} MiB` },
    ];

    if (only.has('open')) {
      const openFresh = await medianMs(15, (i) => openAndClose(join(dir, `fresh-${i}.db`)));
      figures.push(timed('open + migrate, new file (median of 15)', openFresh, 200));
      const openFull = await medianMs(15, () => openAndClose(file));
      figures.push(timed(`open + migrate, ${MEMBERS}-member file (median of 15)`, openFull, 200));
    }

    const opened = await openDatabase(file);
    try {
      if (only.has('search')) figures.push(...(await searchFigures(opened.db)));
      if (only.has('ledger')) figures.push(...(await statementFigures(opened.db, now.today)));
      if (only.has('home')) figures.push(await homeFigure(opened.db, now.today, medianMs, timed));
      if (only.has('members')) figures.push(await memberStatementFigure(opened.db, now.today));
      if (only.has('interest')) figures.push(await previewInterestFigure(opened.db, now.today));
      if (only.has('posting')) {
        figures.push(await collectionDayFigure(opened.db, now));
        figures.push(await postingFigure(opened.db, now));
      }
      if (only.has('inputs'))
        figures.push(...(await inputsReadFigures(opened.db, now.today, medianMs, timed)));
      if (only.has('reports')) figures.push(...(await reportFigures(opened.db, now.today)));
      if (only.has('statements')) figures.push(await statementsPdfFigure(opened.db, now.today));
      if (only.has('backup')) figures.push(...(await backupFigures(opened.sqlite, dir, medianMs, timed)));
      if (only.has('audit')) figures.push(await auditFigure(opened.sqlite, medianMs, timed));
    } finally {
      await opened.close();
    }
    if (only.has('interest')) figures.push(await postInterestFigure(copy, now.today));
    if (only.has('cli')) figures.push(...processFigures(file, dir, now.today));
    if (only.has('long')) figures.push(...longReportFigures(file, dir));
    if (only.has('inputs')) {
      const inputsCopy = await openDatabase(copy);
      try {
        figures.push(await distributionFigure(inputsCopy.db, now, medianMs, timed));
      } finally {
        await inputsCopy.close();
      }
    }
    if (only.has('sales')) {
      const salesCopy = await openDatabase(copy);
      try {
        figures.push(...(await salesFigures(salesCopy.db, now, medianMs, timed)));
      } finally {
        await salesCopy.close();
      }
    }
    if (only.has('imports')) figures.push(...(await importFigures(dir, now, medianMs, timed)));
    printTable(figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
});
