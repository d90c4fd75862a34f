import type { Kysely, Transaction } from 'kysely';
import { plainAmount } from '../../shared/money';
import type { AccountRecord, AccountType, CurrencyCode, Database } from '../db/schema';
import { writeFileWhole } from '../files/write-whole';

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

interface Journal {
  text: string;
  entries: number;
  postings: number;
}

async function buildJournal(db: Transaction<Database>): Promise<Journal> {
  const accounts = await db.selectFrom('accounts').selectAll().orderBy('code').execute();
  const subAccounts = await db
    .selectFrom('journal_lines')
    .innerJoin('members', 'members.id', 'journal_lines.member_id')
    .select(['journal_lines.account_id', 'members.id', 'members.number', 'members.name_km'])
    .distinct()
    .orderBy('members.number')
    .execute();
  const entries = await db.selectFrom('journal_entries').selectAll().orderBy('date').orderBy('id').execute();
  const lines = await db
    .selectFrom('journal_lines')
    .select(['entry_id', 'account_id', 'member_id', 'amount'])
    .orderBy('entry_id')
    .orderBy('id')
    .execute();

  const out: string[] = [
    '; Sahakum ledger exported for hledger: every posted entry, amounts exactly as posted.',
    '; Member sub-accounts (M + member number) add up to their control account.',
    '',
    'commodity KHR',
    'commodity USD',
    '',
  ];

  const subAccountsOf = groupBy(subAccounts, (sub) => sub.account_id);
  const accountById = new Map<number, { name: string; currency: CurrencyCode }>();
  const memberName = new Map<string, string>();
  for (const account of accounts) {
    // A group account takes no postings; hledger builds its own tree from the names' prefixes.
    if (account.currency === null) continue;
    const name = hledgerAccountName(account);
    accountById.set(account.id, { name, currency: account.currency });
    out.push(`account ${name}  ; type:${ROOT[account.type].type}, km: ${tagValue(account.name_km)}`);
    for (const sub of subAccountsOf.get(account.id) ?? []) {
      const subName = hledgerMemberAccountName(name, sub.number);
      memberName.set(`${account.id}:${sub.id}`, subName);
      out.push(`account ${subName}  ; member: ${tagValue(sub.name_km)}`);
    }
  }

  const linesByEntry = groupBy(lines, (line) => line.entry_id);
  // Each posting also asserts the account's running balance, so hledger re-checks every step.
  const running = new Map<string, number>();
  let postings = 0;
  for (const entry of entries) {
    const tags = [`kind:${tagValue(entry.kind)}`];
    if (entry.number !== null) tags.push(`number:${tagValue(entry.number)}`);
    if (entry.reverses_id !== null) tags.push(`reverses:${entry.reverses_id}`);
    const memo = oneLine(entry.memo);
    out.push('', `${entry.date} (#${entry.id})${memo === '' ? '' : ` ${memo}`}  ; ${tags.join(', ')}`);
    for (const line of linesByEntry.get(entry.id) ?? []) {
      const account = accountById.get(line.account_id);
      if (!account) throw new Error(`Journal line of entry ${entry.id} is on a group or missing account`);
      const name =
        line.member_id === null ? account.name : memberName.get(`${line.account_id}:${line.member_id}`);
      if (name === undefined) throw new Error(`Journal line of entry ${entry.id} has an unknown member`);
      const balance = (running.get(name) ?? 0) + line.amount;
      running.set(name, balance);
      postings += 1;
      out.push(
        `    ${name}  ${amountText(line.amount, account.currency)} = ${amountText(balance, account.currency)}`,
      );
    }
  }
  out.push('');
  return { text: out.join('\n'), entries: entries.length, postings };
}

// One read transaction: an entry posted while the export runs is either wholly in it or not at all.
const readJournal = (db: Kysely<Database>) => db.transaction().execute(buildJournal);

/** The whole ledger as an hledger journal: entries in date order, then in the order they were posted. */
export async function hledgerJournal(db: Kysely<Database>): Promise<string> {
  return (await readJournal(db)).text;
}

export async function writeHledgerJournal(
  db: Kysely<Database>,
  file: string,
): Promise<{ entries: number; postings: number }> {
  const { text, entries, postings } = await readJournal(db);
  await writeFileWhole(file, text);
  return { entries, postings };
}
