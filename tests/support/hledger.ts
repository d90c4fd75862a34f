import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../main/db/schema';
import { writeHledgerJournal } from '../../main/ledger/hledger';
import { trialBalance } from '../../main/ledger/statements';
import { parseAmount } from '../../shared/money';

/** Debian's hledger on a journal file: the independent tool the books are checked against. */
export function hledger(file: string, ...args: string[]) {
  const result = spawnSync('hledger', ['-f', file, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * hledger's balance of each Sahakum account, keyed 'code currency', signed debit-positive in minor units;
 * member sub-accounts are added into their control account.
 */
export function hledgerBalances(file: string, ...options: string[]): Record<string, number> {
  const result = hledger(file, 'bal', '-O', 'csv', '--layout=bare', '-N', ...options);
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  const balances: Record<string, number> = {};
  for (const row of parse<{ account: string; commodity: string; balance: string }>(result.stdout, {
    columns: true,
  })) {
    const code = row.account.split(':')[1]?.split(' ')[0];
    if (code === undefined || (row.commodity !== 'KHR' && row.commodity !== 'USD')) {
      throw new Error(`Unexpected hledger row ${JSON.stringify(row)}`);
    }
    const amount = parseAmount(row.balance, row.commodity);
    if (amount === null) throw new Error(`Unreadable hledger amount ${row.balance}`);
    const key = `${code} ${row.commodity}`;
    balances[key] = (balances[key] ?? 0) + amount;
  }
  return balances;
}

/** Sahakum's own trial balance in the same shape. */
export async function sahakumBalances(db: Kysely<Database>, asOf: string): Promise<Record<string, number>> {
  const balances: Record<string, number> = {};
  for (const row of (await trialBalance(db, asOf)).rows)
    balances[`${row.code} ${row.currency}`] = row.debit - row.credit;
  return balances;
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Exports the books, has hledger check them strictly, and expects its balances at the end of `asOf`
 * to equal Sahakum's trial balance at that date.
 */
export async function expectHledgerAgrees(db: Kysely<Database>, file: string, asOf: string): Promise<void> {
  await writeHledgerJournal(db, file);
  const check = hledger(file, 'check', '--strict', 'ordereddates');
  expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  // hledger's end date is exclusive.
  expect(hledgerBalances(file, '-e', dayAfter(asOf))).toEqual(await sahakumBalances(db, asOf));
}
