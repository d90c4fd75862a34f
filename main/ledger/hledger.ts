import type { Kysely, Transaction } from 'kysely';
import { plainAmount } from '../../shared/money';
import { iterateRows } from '../db/rows';
import type { AccountRecord, AccountType, CurrencyCode, Database } from '../db/schema';
import { writeFileWholeBy } from '../files/write-whole';

// The whole ledger as a plain-text hledger journal, so that an independent program can re-add every
// posting and confirm the books. The format rules here were measured against Debian's hledger 1.25.

const ROOT: Record<AccountType, { name: string; type: string }> = {
  asset: { name: 'assets', type: 'A' },
  liability: { name: 'liabilities', type: 'L' },
  equity: { name: 'equity', type: 'E' },
  income: { name: 'income', type: 'R' },
  expense: { name: 'expenses', type: 'X' },
};

/**
 * An account name hledger reads back as exactly one account: ':' would nest it, ';' would start a
 * comment, two spaces would end the name, and a bracket at the start would make the posting virtual.
 * ASCII only, so the name also survives any terminal or spreadsheet the accountant opens it in.
 */
function nameSegment(text: string): string {
  return text
    .replace(/\u2019/g, "'")
    .replace(/[^A-Za-z0-9 ()'&/.,+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function hledgerAccountName(account: Pick<AccountRecord, 'type' | 'code' | 'name_en'>): string {
  const name = nameSegment(account.name_en);
  const code = nameSegment(account.code).replace(/ /g, '');
  return `${ROOT[account.type].name}:${name === '' ? code : `${code} ${name}`}`;
}

/** A member's own account under a control account: the ASCII number keeps it unique and sortable. */
export const hledgerMemberAccountName = (controlName: string, memberNumber: number) =>
  `${controlName}:M${String(memberNumber).padStart(4, '0')}`;

/** One line of free text: ';' would start a comment in a description, a newline a new line. */
function oneLine(text: string): string {
  return text
    .replace(/;/g, ',')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
}

/** A tag's value ends at a comma. */
const tagValue = (text: string) => oneLine(text).replace(/,/g, ' ').replace(/ +/g, ' ').trim();

const amountText = (amount: number, currency: CurrencyCode) => `${plainAmount(amount, currency)} ${currency}`;

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

interface Counts {
  entries: number;
  postings: number;
}

/** Where the journal goes, a line at a time (each without its newline). */
type Sink = (line: string) => void;

/**
 * Writes the journal line by line: the entries and their lines are read in one pass in the journal's own
 * order (the entries' date index, then each entry's lines by the entry index), so nothing but the
 * accounts and the running balances is held, whatever the size of the books.
 */
async function buildJournal(db: Kysely<Database>, trx: Transaction<Database>, out: Sink): Promise<Counts> {
  const accounts = await trx.selectFrom('accounts').selectAll().orderBy('code').execute();
  const subAccounts = await trx
    .selectFrom('journal_lines')
    .innerJoin('members', 'members.id', 'journal_lines.member_id')
    .select(['journal_lines.account_id', 'members.id', 'members.number', 'members.name_km'])
    .distinct()
    .orderBy('members.number')
    .execute();

  for (const line of [
    '; Sahakum ledger exported for hledger: every posted entry, amounts exactly as posted.',
    '; Member sub-accounts (M + member number) add up to their control account.',
    '',
    'commodity KHR',
    'commodity USD',
    '',
  ])
    out(line);

  const subAccountsOf = groupBy(subAccounts, (sub) => sub.account_id);
  const accountById = new Map<number, { name: string; currency: CurrencyCode }>();
  const memberName = new Map<string, string>();
  for (const account of accounts) {
    // A group account takes no postings; hledger builds its own tree from the names' prefixes.
    if (account.currency === null) continue;
    const name = hledgerAccountName(account);
    accountById.set(account.id, { name, currency: account.currency });
    out(`account ${name}  ; type:${ROOT[account.type].type}, km: ${tagValue(account.name_km)}`);
    for (const sub of subAccountsOf.get(account.id) ?? []) {
      const subName = hledgerMemberAccountName(name, sub.number);
      memberName.set(`${account.id}:${sub.id}`, subName);
      out(`account ${subName}  ; member: ${tagValue(sub.name_km)}`);
    }
  }

  const rows = iterateRows(
    db,
    trx
      .selectFrom('journal_entries as e')
      .leftJoin('journal_lines as l', 'l.entry_id', 'e.id')
      .select([
        'e.id',
        'e.date',
        'e.kind',
        'e.number',
        'e.reverses_id',
        'e.memo',
        'l.account_id',
        'l.member_id',
        'l.amount',
      ])
      .orderBy('e.date')
      .orderBy('e.id')
      .orderBy('l.id'),
  );
  type Row = [
    number,
    string,
    string,
    string | null,
    number | null,
    string,
    number | null,
    number | null,
    number | null,
  ];
  // Each posting also asserts the account's running balance, so hledger re-checks every step.
  const running = new Map<string, number>();
  let entries = 0;
  let postings = 0;
  let current: number | undefined;
  for (const [
    id,
    date,
    kind,
    number,
    reversesId,
    entryMemo,
    accountId,
    memberId,
    amount,
  ] of rows as Iterable<Row>) {
    if (id !== current) {
      current = id;
      entries += 1;
      const tags = [`kind:${tagValue(kind)}`];
      if (number !== null) tags.push(`number:${tagValue(number)}`);
      if (reversesId !== null) tags.push(`reverses:${reversesId}`);
      const memo = oneLine(entryMemo);
      out('');
      out(`${date} (#${id})${memo === '' ? '' : ` ${memo}`}  ; ${tags.join(', ')}`);
    }
    // An entry without lines has its heading only.
    if (accountId === null || amount === null) continue;
    const account = accountById.get(accountId);
    if (!account) throw new Error(`Journal line of entry ${id} is on a group or missing account`);
    const name = memberId === null ? account.name : memberName.get(`${accountId}:${memberId}`);
    if (name === undefined) throw new Error(`Journal line of entry ${id} has an unknown member`);
    const balance = (running.get(name) ?? 0) + amount;
    running.set(name, balance);
    postings += 1;
    out(`    ${name}  ${amountText(amount, account.currency)} = ${amountText(balance, account.currency)}`);
  }
  out('');
  return { entries, postings };
}

// One read transaction: an entry posted while the export runs is either wholly in it or not at all.
const readJournal = (db: Kysely<Database>, out: Sink) =>
  db.transaction().execute((trx) => buildJournal(db, trx, out));

/** The whole ledger as an hledger journal: entries in date order, then in the order they were posted. */
export async function hledgerJournal(db: Kysely<Database>): Promise<string> {
  const lines: string[] = [];
  await readJournal(db, (line) => lines.push(line));
  return lines.join('\n');
}

/** The journal written to `file` as it is read, in pieces: the books can be far larger than memory allows. */
export function writeHledgerJournal(db: Kysely<Database>, file: string): Promise<Counts> {
  return writeFileWholeBy(file, async (write) => {
    let piece: string[] = [];
    let size = 0;
    let first = true;
    const counts = await readJournal(db, (line) => {
      piece.push(first ? line : `\n${line}`);
      first = false;
      size += line.length;
      if (size > 1 << 20) {
        write(piece.join(''));
        piece = [];
        size = 0;
      }
    });
    write(piece.join(''));
    return counts;
  });
}
