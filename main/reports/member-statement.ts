// The member statement as a printed report: what a member asks the bookkeeper about (shares and certificates,
// each savings account with every movement and its running balance), read from the same function the member
// statement screen uses (main/members/statement.ts). One member, or every member in member-number order in
// one document, each starting on a new page.

import type { Kysely } from 'kysely';
import type { InputCreditStatement } from '../../shared/inputs';
import { type Digits, formatDateTable, formatNumber, withDigits } from '../../shared/khmer';
import { movementLabel } from '../../shared/movement-kinds';
import type { MemberShares, MemberStatement, ShareMovement } from '../../shared/savings';
import type { Database } from '../db/schema';
import { inputCreditStatements } from '../inputs/credit';
import { EVERY_MEMBER, listMembers } from '../members/search';
import { memberStatement, memberStatements } from '../members/statement';
import {
  asOfSubtitle,
  memberStatus,
  money,
  periodSubtitle,
  type ReportContext,
  type ReportOptions,
  Rows,
  renderFramed,
  writeFramed,
} from './common';
import type { Lang } from './frame';
import { type Block, BODY_WIDTH, type Column } from './layout';
import { certificateRanges } from './share-register';

type StatementAccount = MemberStatement['savings'][number];

// The words of the member statement screen (renderer/i18n/sections/money.ts).
const TEXT = {
  km: {
    title: 'របាយការណ៍សមាជិក',
    noMembers: 'មិនទាន់មានសមាជិក',
    member: (n: string) => `សមាជិកលេខ ${n}`,
    status: 'ស្ថានភាព',
    colon: '៖',
    shares: {
      heading: 'ភាគហ៊ុន',
      header: ['ភាគហ៊ុនដែលមាន', 'ដើមទុនភាគហ៊ុន', 'វិញ្ញាបនបត្រភាគហ៊ុន'],
      count: (n: string) => `${n} ហ៊ុន`,
      none: 'គ្មាន',
      movements: ['កាលបរិច្ឆេទ', 'លេខបង្កាន់ដៃ', 'ប្រភេទ', 'ចំនួនហ៊ុន', 'វិញ្ញាបនបត្រ', 'ព័ត៌មានបន្ថែម'],
      noMovements: 'មិនទាន់មានប្រតិបត្តិការភាគហ៊ុន',
      kinds: {
        opening: () => 'សមតុល្យដើមគ្រា',
        purchase: () => 'ទិញ',
        transfer_in: (member: string) => `ទទួលផ្ទេរពីសមាជិកលេខ ${member}`,
        transfer_out: (member: string) => `ផ្ទេរទៅសមាជិកលេខ ${member}`,
        redemption: () => 'ដកវិញ',
      },
    },
    savings: {
      heading: 'ប្រាក់សន្សំ',
      none: 'មិនទាន់មានគណនីសន្សំ',
      account: 'លេខគណនី',
      opened: 'ថ្ងៃបើក',
      maturity: 'ថ្ងៃដល់កាលកំណត់',
      closed: 'ថ្ងៃបិទ',
      interestEarned: 'ការប្រាក់ទទួលបាន',
      header: ['កាលបរិច្ឆេទ', 'លេខបង្កាន់ដៃ', 'ប្រភេទ', 'ដាក់ប្រាក់', 'ដកប្រាក់', 'សមតុល្យ'],
      opening: 'សមតុល្យដើមគ្រា',
      total: 'សរុប',
      closing: 'សមតុល្យចុងគ្រា',
    },
    credit: {
      heading: 'ឥណទានធាតុចូលកសិកម្ម',
      header: ['កាលបរិច្ឆេទ', 'លេខបង្កាន់ដៃ', 'ប្រភេទ', 'ជំពាក់បន្ថែម', 'បានសង', 'នៅជំពាក់'],
      opening: 'នៅជំពាក់ដើមគ្រា',
      closing: 'នៅជំពាក់ចុងគ្រា',
      open: (sale: string, due: string, owed: string) => `${sale} ត្រូវសងនៅ ${due}៖ ${owed}`,
      overdue: (amount: string) => `ហួសកាលកំណត់៖ ${amount}`,
    },
  },
  en: {
    title: 'Member statement',
    noMembers: 'No members yet',
    member: (n: string) => `Member No. ${n}`,
    status: 'Status',
    colon: ':',
    shares: {
      heading: 'Shares',
      header: ['Shares held', 'Share capital', 'Share certificates'],
      count: (n: string) => `${n} ${n === '1' ? 'share' : 'shares'}`,
      none: 'None',
      movements: ['Date', 'Receipt No.', 'Kind', 'Shares', 'Certificate', 'Details'],
      noMovements: 'No share movements yet',
      kinds: {
        opening: () => 'Opening balance',
        purchase: () => 'Purchase',
        transfer_in: (member: string) => `Transfer from member ${member}`,
        transfer_out: (member: string) => `Transfer to member ${member}`,
        redemption: () => 'Redemption',
      },
    },
    savings: {
      heading: 'Savings',
      none: 'No savings account yet',
      account: 'Account No.',
      opened: 'Opened',
      maturity: 'Maturity',
      closed: 'Closed',
      interestEarned: 'Interest earned',
      header: ['Date', 'Receipt No.', 'Kind', 'Deposit', 'Withdrawal', 'Balance'],
      opening: 'Opening balance',
      total: 'Total',
      closing: 'Closing balance',
    },
    credit: {
      heading: 'Farm input credit',
      header: ['Date', 'Receipt No.', 'Kind', 'Bought on credit', 'Repaid', 'Owed'],
      opening: 'Owed at the start',
      closing: 'Owed at the end',
      open: (sale: string, due: string, owed: string) => `${sale} due ${due}: ${owed}`,
      overdue: (amount: string) => `Overdue: ${amount}`,
    },
  },
} as const;

/** Column widths in points, each table adding up to the A4 body width; dates, numbers and amounts fit. */
const SHARE_FACTS: Column[] = [
  { width: 120, align: 'right', fit: true },
  { width: 130, align: 'right', fit: true },
  { width: BODY_WIDTH - 250 },
];
const SHARE_MOVEMENTS: Column[] = [
  { width: 76, fit: true },
  { width: 60, fit: true },
  { width: 136 },
  { width: 52, align: 'right', fit: true },
  { width: 62, align: 'right', fit: true },
  { width: BODY_WIDTH - 76 - 60 - 136 - 52 - 62 },
];
const SAVINGS: Column[] = [
  { width: 76, fit: true },
  { width: 60, fit: true },
  { width: BODY_WIDTH - 76 - 60 - 3 * 84 },
  { width: 84, align: 'right', fit: true },
  { width: 84, align: 'right', fit: true },
  { width: 84, align: 'right', fit: true },
];

const heading = (text: string): Block => ({ kind: 'paragraph', text, size: 11, bold: true, after: 2 });
const note = (text: string, after = 10): Block => ({ kind: 'paragraph', text, size: 9, after });

const number = (n: number, digits: Digits) => withDigits(String(n), digits);

/**
 * The certificates written to the member, while the member holds shares: the register does not cancel a
 * certificate when its shares are transferred or paid back, so a member holding none shows none (as on the
 * screen).
 */
function heldCertificates(shares: MemberShares, digits: Digits): string {
  if (shares.shares <= 0) return '';
  const numbers = shares.movements.flatMap((m) =>
    m.certificateNumber === null ? [] : [m.certificateNumber],
  );
  return certificateRanges(numbers, digits);
}

function shareKind(movement: ShareMovement, lang: Lang, digits: Digits): string {
  const kinds = TEXT[lang].shares.kinds;
  const counterpart = number(movement.counterpartMemberNumber ?? 0, digits);
  return kinds[movement.kind]?.(counterpart) ?? movement.kind;
}

function sharesBlocks(shares: MemberShares, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang].shares;
  const facts = new Rows();
  facts.add([
    t.count(formatNumber(shares.shares, digits)),
    money(shares.capital, 'KHR', digits),
    heldCertificates(shares, digits) || t.none,
  ]);
  const blocks: Block[] = [heading(t.heading), { ...facts.table(SHARE_FACTS, [...t.header]), after: 4 }];
  if (shares.movements.length === 0) {
    blocks.push(note(t.noMovements));
    return blocks;
  }
  const rows = new Rows();
  for (const m of shares.movements) {
    const count = formatNumber(Math.abs(m.shares), digits);
    rows.add([
      formatDateTable(m.date, digits),
      m.entryNumber ?? '',
      shareKind(m, lang, digits),
      m.shares > 0 ? `+${count}` : m.shares < 0 ? `-${count}` : count,
      m.certificateNumber === null ? '' : number(m.certificateNumber, digits),
      m.decisionRef,
    ]);
  }
  blocks.push(rows.table(SHARE_MOVEMENTS, [...t.movements]));
  return blocks;
}

function accountBlocks(
  account: StatementAccount,
  statement: { from: string | undefined; to: string },
  { lang, digits }: ReportContext,
): Block[] {
  const t = TEXT[lang].savings;
  const colon = TEXT[lang].colon;
  const { currency } = account;
  const m = (amount: number) => money(amount, currency, digits);
  const blank = (amount: number) => (amount === 0 ? '' : m(amount));
  const name = lang === 'km' ? account.productNameKm : account.productNameEn;
  const date = (iso: string) => formatDateTable(iso, digits);
  // The account number is an identifier, printed as written, like receipt numbers.
  const title = `${name} (${currency}) · ${t.account}${colon} ${account.number}`;
  const facts = [
    `${t.opened}${colon} ${date(account.openedOn)}`,
    ...(account.maturityOn ? [`${t.maturity}${colon} ${date(account.maturityOn)}`] : []),
    ...(account.closedOn && account.closedOn <= statement.to
      ? [`${t.closed}${colon} ${date(account.closedOn)}`]
      : []),
    `${t.interestEarned}${colon} ${m(account.interestEarned)}`,
  ];

  const rows = new Rows();
  // The balance brought forward to the start of the period (nil when the statement starts before the account).
  const start =
    statement.from !== undefined && statement.from > account.openedOn ? statement.from : account.openedOn;
  rows.add([date(start), '', t.opening, '', '', m(account.opening)], true);
  let deposits = 0;
  let withdrawals = 0;
  for (const row of account.movements) {
    const paidIn = Math.max(row.amount, 0);
    const paidOut = Math.max(-row.amount, 0);
    deposits += paidIn;
    withdrawals += paidOut;
    rows.add([
      date(row.date),
      row.number ?? '',
      movementLabel(lang, row.kind, row.memo),
      blank(paidIn),
      blank(paidOut),
      m(row.balance),
    ]);
  }
  rows.add(['', '', t.total, m(deposits), m(withdrawals), ''], true);
  // Closed by the statement's day: the balance (nil) is the one it was closed with.
  const end = account.closedOn !== null && account.closedOn <= statement.to ? account.closedOn : statement.to;
  rows.add([date(end), '', t.closing, '', '', m(account.balance)], true);
  // The title goes right before its table, so that the two never part across a page; the account's dates
  // and interest follow the closing balance.
  return [heading(title), { ...rows.table(SAVINGS, [...t.header]), after: 2 }, note(facts.join(' · '))];
}

/**
 * The member's input credit beside shares and savings, as a passbook: what was owed at the start, each sale
 * on credit and each repayment with the balance after it, what is owed at the end, and the sales still
 * owed on with their due dates. Left out for a member who never took inputs on credit.
 */
function creditBlocks(
  credit: InputCreditStatement | undefined,
  { lang, digits }: ReportContext,
  statement: { from: string | undefined; to: string },
): Block[] {
  if (!credit || (credit.opening === 0 && credit.closing === 0 && credit.movements.length === 0)) return [];
  const t = TEXT[lang].credit;
  const m = (amount: number) => money(amount, 'KHR', digits);
  const date = (iso: string) => formatDateTable(iso, digits);
  const rows = new Rows();
  if (statement.from !== undefined)
    rows.add([date(statement.from), '', t.opening, '', '', m(credit.opening)], true);
  for (const row of credit.movements) {
    rows.add([
      date(row.date),
      row.number ?? '',
      movementLabel(lang, row.kind, row.memo),
      row.amount > 0 ? m(row.amount) : '',
      row.amount < 0 ? m(-row.amount) : '',
      m(row.balance),
    ]);
  }
  rows.add([date(statement.to), '', t.closing, '', '', m(credit.closing)], true);
  const open = credit.open.map((sale) =>
    t.open(sale.number || date(sale.date), date(sale.dueDate), m(sale.outstanding)),
  );
  if (credit.overdue > 0) open.push(t.overdue(m(credit.overdue)));
  return [
    heading(t.heading),
    { ...rows.table(SAVINGS, [...t.header]), after: 2 },
    ...(open.length > 0 ? [note(open.join(' · '))] : []),
  ];
}

/** One member's part of the report: who, their shares, each savings account, and input credit. */
function memberBlocks(
  statement: MemberStatement,
  from: string | undefined,
  context: ReportContext,
  credit?: InputCreditStatement,
): Block[] {
  const { lang, digits } = context;
  const t = TEXT[lang];
  const { member } = statement;
  const name = member.nameLatin.trim() === '' ? member.nameKm : `${member.nameKm} (${member.nameLatin})`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${t.member(number(member.number, digits))} · ${name}`, size: 12, bold: true },
    note(`${t.status}${t.colon} ${memberStatus(member.status, lang)}`, 6),
    ...sharesBlocks(statement.shares, context),
  ];
  // Each account's title names its savings product; the section's own heading shows only when there is none.
  if (statement.savings.length === 0) blocks.push(heading(t.savings.heading), note(t.savings.none));
  for (const account of statement.savings) {
    blocks.push(...accountBlocks(account, { from, to: statement.to }, context));
  }
  blocks.push(...creditBlocks(credit, context, { from, to: statement.to }));
  return blocks;
}

type StatementOptions = ReportOptions & { memberId?: number; from?: string; to: string };

const subtitleOf = ({ from, to, lang }: StatementOptions) =>
  from === undefined ? asOfSubtitle(to, lang) : periodSubtitle(from, to, lang);

/** Each member's blocks in turn, each but the first on a new page; their input credit read with them. */
async function* statementBlocks(
  db: Kysely<Database>,
  statements: readonly MemberStatement[],
  { from, to }: StatementOptions,
  context: ReportContext,
  first: boolean,
): AsyncGenerator<Block> {
  const credits = await inputCreditStatements(
    db,
    statements.map((st) => st.member.id),
    from,
    to,
  );
  for (const [i, statement] of statements.entries()) {
    if (!first || i > 0) yield { kind: 'pageBreak' };
    yield* memberBlocks(statement, from, context, credits.get(statement.member.id));
  }
}

/**
 * One member's statement (`memberId`), or every member's (all statuses, in member-number order) in one PDF,
 * each member starting on a new page. Movements from `from` (all of them unless given) to `to`; the balance
 * brought forward to `from` opens each savings account.
 */
export async function memberStatementPdf(db: Kysely<Database>, options: StatementOptions): Promise<Buffer> {
  const { from, to } = options;
  const statements =
    options.memberId !== undefined
      ? [await memberStatement(db, options.memberId, to, from)]
      : await memberStatements(db, await listMembers(db, EVERY_MEMBER), to, from);
  const t = TEXT[options.lang];
  return renderFramed(db, options, t.title, subtitleOf(options), async (context): Promise<Block[]> => {
    if (statements.length === 0) return [note(t.noMembers)];
    const blocks: Block[] = [];
    for await (const block of statementBlocks(db, statements, options, context, true)) blocks.push(block);
    return blocks;
  });
}

/** Members read at a time by the streamed statements: a batch's data is all they hold at once. */
const BATCH = 100;

/**
 * Every member's statement written to `path` page by page (layout.ts's writeReport): as many pages as
 * the books hold (ten years of 3,000 members are some 26,000), in bounded memory, the members' data read
 * a batch at a time.
 */
export async function writeMemberStatements(
  db: Kysely<Database>,
  options: Omit<StatementOptions, 'memberId'>,
  path: string,
): Promise<{ pages: number; bytes: number }> {
  const members = await listMembers(db, EVERY_MEMBER);
  const t = TEXT[options.lang];
  return writeFramed(
    db,
    options,
    t.title,
    subtitleOf(options),
    async function* (context) {
      if (members.length === 0) yield note(t.noMembers);
      for (let start = 0; start < members.length; start += BATCH) {
        const batch = await memberStatements(
          db,
          members.slice(start, start + BATCH),
          options.to,
          options.from,
        );
        yield* statementBlocks(db, batch, options, context, start === 0);
      }
    },
    path,
  );
}
