import type { Kysely, Transaction } from 'kysely';
import type { Currency } from '../../shared/khmer';
import type { SavingsProductInput } from '../../shared/savings';
import type { Database } from '../db/schema';

// What the demo history starts from: its products, its go-live date, the accounts it posts to, and the
// numbering it continues. The history itself is main/demo/ledger-history.ts.

export type ProductKey = 'khr' | 'usd' | 'fixed';
export const PRODUCT_KEYS = ['khr', 'usd', 'fixed'] as const;

export type Account = { id: number; code: string; nameKm: string; currency: Currency };

/**
 * The cooperative's savings products, created on the go-live date: what the issue asks of a demo
 * (one riel and one dollar ordinary product, posting monthly, and a 12-month riel fixed-term deposit that
 * pays at maturity and may be broken early at a penalty). The first of each kind and currency takes the
 * chart's own control account: 2101, 2102 and 2103.
 */
export const DEMO_PRODUCTS = {
  khr: {
    nameKm: 'ប្រាក់សន្សំធម្មតា ជាប្រាក់រៀល',
    nameEn: 'Ordinary savings in riel',
    currency: 'KHR',
    kind: 'ordinary',
    termMonths: null,
    annualRateBp: 300,
    posting: 'monthly',
    minOpeningDeposit: 10_000,
    earlyWithdrawal: false,
    earlyPenaltyBp: 0,
  },
  usd: {
    nameKm: 'ប្រាក់សន្សំធម្មតា ជាប្រាក់ដុល្លារ',
    nameEn: 'Ordinary savings in dollars',
    currency: 'USD',
    kind: 'ordinary',
    termMonths: null,
    annualRateBp: 200,
    posting: 'monthly',
    minOpeningDeposit: 500,
    earlyWithdrawal: false,
    earlyPenaltyBp: 0,
  },
  fixed: {
    nameKm: 'ប្រាក់បញ្ញើមានកាលកំណត់ ១២ ខែ',
    nameEn: 'Fixed-term deposit, 12 months',
    currency: 'KHR',
    kind: 'fixed',
    termMonths: 12,
    annualRateBp: 600,
    posting: 'maturity',
    minOpeningDeposit: 1_000_000,
    earlyWithdrawal: true,
    earlyPenaltyBp: 100,
  },
} as const satisfies Record<ProductKey, SavingsProductInput>;

/** The go-live date of a demo history `years` long: the same day of the year, `years` back. */
export function demoFoundingDate(today: string, years: number): string {
  const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}-${monthDay}`;
}

export async function chartOf(db: Kysely<Database>) {
  const rows = await db.selectFrom('accounts').selectAll().where('role', 'is not', null).execute();
  const byRole = new Map(rows.map((row) => [row.role, row]));
  const account = (role: string): Account => {
    const row = byRole.get(role);
    if (!row?.currency) throw new Error(`The chart of accounts has no posting account for '${role}'`);
    return { id: row.id, code: row.code, nameKm: row.name_km, currency: row.currency };
  };
  const pair = (khr: string, usd: string) => ({ KHR: account(khr), USD: account(usd) });
  return {
    cash: pair('cash_khr', 'cash_usd'),
    bank: pair('bank_khr', 'bank_usd'),
    conversion: pair('conversion_khr', 'conversion_usd'),
    difference: pair('exchange_difference_khr', 'exchange_difference_usd'),
    openingEquity: pair('opening_khr', 'opening_usd'),
    interestPaid: pair('interest_paid_khr', 'interest_paid_usd'),
    reserve: account('reserve_fund'),
    shareCapital: account('share_capital'),
    allowances: account('allowances'),
    transport: account('transport'),
    stationery: account('stationery'),
    bankFees: account('bank_fees_khr'),
    serviceFees: account('service_fees'),
    bankInterest: account('interest_received_khr'),
    otherIncome: account('other_income'),
  };
}

/**
 * The app's numbering sequences (main/db/sequences.ts), held here while a month is drawn and saved with
 * the month's transaction: the numbers are the ones takeNextNumber would have handed out, without a
 * statement for each of some hundred thousand receipts.
 */
export class Sequences {
  private readonly touched = new Set<string>();

  private constructor(private readonly next: Map<string, number>) {}

  static async load(db: Kysely<Database>): Promise<Sequences> {
    const rows = await db.selectFrom('sequences').selectAll().execute();
    return new Sequences(new Map(rows.map((row) => [row.name, row.next_value])));
  }

  take(name: string): number {
    const value = this.next.get(name) ?? 1;
    this.next.set(name, value + 1);
    this.touched.add(name);
    return value;
  }

  /** A number as the app prints it: 'DP-000042'. */
  numbered(name: string, prefix: string): string {
    return `${prefix}-${String(this.take(name)).padStart(6, '0')}`;
  }

  async save(trx: Transaction<Database>): Promise<void> {
    for (const name of this.touched) {
      const value = this.next.get(name) ?? 1;
      await trx
        .insertInto('sequences')
        .values({ name, next_value: value })
        .onConflict((oc) => oc.column('name').doUpdateSet({ next_value: value }))
        .execute();
    }
    this.touched.clear();
  }
}
