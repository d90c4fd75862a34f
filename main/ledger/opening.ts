import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { toLatinDigits } from '../../shared/khmer';
import { isDebitNormal, type OpeningBalancesInput } from '../../shared/ledger';
import { parseAmount } from '../../shared/money';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { type CsvRowError, columnName, isBlankRow, MAX_ROW_ERRORS, RowErrors } from '../files/csv-read';
import type { TextSource } from '../files/text-encoding';
import { readImportRows } from '../files/xlsx-read';
import { accountByRole } from './accounts';
import { type Actor, postEntry } from './posting';

export interface OpeningLine {
  accountId: number;
  memberId: number | null;
  amount: number;
}

/**
 * A cooperative moving from paper books: every balance at the go-live date in one entry, each in the
 * account's natural sign (savings held as a positive number, cash as a positive number), against the
 * opening-equity accounts. The posting refuses it unless it balances in each currency. The books open
 * once: a second file of the same balances would double them, so a second opening entry is refused
 * until the first is reversed.
 */
export function postOpeningBalances(db: Kysely<Database>, input: OpeningBalancesInput, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const earlier = await standingOpening(trx);
    if (earlier) throw new DomainError('opening_exists', 'date', { date: earlier.date, entry: earlier.id });
    const accounts = new Map((await trx.selectFrom('accounts').selectAll().execute()).map((a) => [a.id, a]));
    const lines = input.lines.map((line, index) => {
      const account = accounts.get(line.accountId);
      if (!account?.currency) throw new DomainError('account_unknown', 'account', { line: index });
      return {
        accountId: account.id,
        memberId: line.memberId,
        currency: account.currency,
        amount: isDebitNormal(account.type) ? line.amount : -line.amount,
      };
    });
    const entryId = await postEntry(
      trx,
      { date: input.date, kind: 'opening', memo: 'សមតុល្យដើមគ្រា / Opening balances', lines },
      actor,
    );
    await recordOpeningShares(trx, entryId, input);
    return entryId;
  });
}

function standingOpening(trx: Transaction<Database>) {
  return trx
    .selectFrom('journal_entries as e')
    .select(['e.id', 'e.date'])
    .where('e.kind', '=', 'opening')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('journal_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id'))),
    )
    .orderBy('e.id')
    .executeTakeFirst();
}

/**
 * Share capital carried over from the paper register is shares too: each member's opening capital,
 * divided by the par value, becomes an 'opening' holding with a certificate, so that it can later be
 * transferred or redeemed like shares bought in Sahakum.
 */
async function recordOpeningShares(trx: Transaction<Database>, entryId: number, input: OpeningBalancesInput) {
  const capital = await accountByRole(trx, 'share_capital');
  const { sharePar } = await getCooperative(trx);
  for (const [index, line] of input.lines.entries()) {
    if (line.accountId !== capital.id || line.memberId === null) continue;
    if (line.amount <= 0 || line.amount % sharePar !== 0) {
      throw new DomainError('share_capital_not_whole', 'amount', { line: index, par: sharePar });
    }
    await trx
      .insertInto('share_movements')
      .values({
        member_id: line.memberId,
        date: input.date,
        kind: 'opening',
        shares: line.amount / sharePar,
        certificate_number: await takeNextNumber(trx, 'share_certificate'),
        entry_id: entryId,
      })
      .execute();
  }
}

export type OpeningRowError = CsvRowError;

const COLUMNS = ['account_code', 'member_number', 'amount'] as const;
// The columns as a bookkeeper heads them, in Khmer or in plain English, as well as by their codes.
const COLUMN_WORDS: Readonly<Record<string, (typeof COLUMNS)[number]>> = {
  លេខកូដគណនី: 'account_code',
  លេខសមាជិក: 'member_number',
  ចំនួនទឹកប្រាក់: 'amount',
  'account code': 'account_code',
  'member number': 'member_number',
};

/**
 * Reads opening balances from a CSV file (columns account_code, member_number, amount; amounts in the
 * account's currency and natural sign) into lines for review. Nothing is posted here; every bad row (up
 * to a hundred) is reported so that the file can be fixed in one go. A file that is not text we can read (see
 * files/text-encoding.ts) is refused whole.
 */
export async function readOpeningCsv(
  db: Kysely<Database>,
  file: TextSource,
): Promise<{ lines: OpeningLine[] } | { errors: OpeningRowError[] }> {
  const records = await readImportRows(file);
  if (!Array.isArray(records)) return { errors: [records] };
  const [header = [], ...rows] = records;
  const names = header
    .slice(0, MAX_ROW_ERRORS + COLUMNS.length)
    .map(columnName)
    .map((name) => COLUMN_WORDS[name] ?? name);
  const errors = new RowErrors();
  for (const [index, name] of names.entries()) {
    if (!(COLUMNS as readonly string[]).includes(name))
      errors.add({ row: 0, field: name, code: 'unknown_column' });
    else if (names.indexOf(name) !== index) errors.add({ row: 0, field: name, code: 'duplicate_column' });
  }
  for (const column of COLUMNS) {
    if (!names.includes(column)) errors.add({ row: 0, field: column, code: 'required' });
  }
  if (errors.any) return { errors: errors.list };

  const accounts = new Map((await db.selectFrom('accounts').selectAll().execute()).map((a) => [a.code, a]));
  const members = new Map(
    (await db.selectFrom('members').select(['id', 'number']).execute()).map((m) => [m.number, m.id]),
  );
  const lines: OpeningLine[] = [];
  for (const [index, cells] of rows.entries()) {
    if (errors.full) break;
    const row = index + 1;
    if (isBlankRow(cells)) continue;
    const cell = (column: (typeof COLUMNS)[number]) => (cells[names.indexOf(column)] ?? '').trim();
    const account = accounts.get(cell('account_code'));
    if (!account?.currency) {
      errors.add({ row, field: 'account_code', code: 'account_unknown' });
      continue;
    }
    const amount = parseAmount(cell('amount'), account.currency);
    if (amount === null) {
      errors.add({ row, field: 'amount', code: 'amount_invalid' });
      continue;
    }
    let memberId: number | null = null;
    const memberNumber = toLatinDigits(cell('member_number'));
    if (memberNumber !== '') {
      // Digits only: Number() would also read '1e3' or '0x10' as some other member's number.
      memberId = /^[0-9]+$/.test(memberNumber) ? (members.get(Number(memberNumber)) ?? null) : null;
      if (memberId === null) {
        errors.add({ row, field: 'member_number', code: 'member_unknown' });
        continue;
      }
    }
    if (account.is_control === 1 && memberId === null) {
      errors.add({ row, field: 'member_number', code: 'member_required', params: { code: account.code } });
      continue;
    }
    if (account.is_control === 0 && memberId !== null) {
      errors.add({
        row,
        field: 'member_number',
        code: 'member_not_allowed',
        params: { code: account.code },
      });
      continue;
    }
    // A zero balance in a paper register is no balance to open: the row is read and left out.
    if (amount !== 0) lines.push({ accountId: account.id, memberId, amount });
  }
  return errors.any ? { errors: errors.list } : { lines };
}
