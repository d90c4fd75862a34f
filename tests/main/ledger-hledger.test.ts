import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import type { Database } from '../../main/db/schema';
import { accountByRole, createAccount, renameAccount, setAccountActive } from '../../main/ledger/accounts';
import { hledgerJournal, writeHledgerJournal } from '../../main/ledger/hledger';
import { closeMonth } from '../../main/ledger/months';
import { type Actor, type LineDraft, post, reverseEntry } from '../../main/ledger/posting';
import { createMember } from '../../main/members/register';
import type { Currency } from '../../shared/khmer';
import { type CooperativeInput, memberInputSchema } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';
import { hledger, hledgerBalances, sahakumBalances } from '../support/hledger';

const ACTOR: Actor = { user: 'លី ចន្ធូ', today: '2026-11-28', timestamp: '2026-11-28T03:15:00.000Z' };

const cooperative: CooperativeInput = preyKhla;

const MEMBERS = [
  ['សុខ ស្រីមុំ', 'Sok Sreymom', 'F', '2018-02-20'],
  ['ចាន់ ដារា', 'Chan Dara', 'M', '2018-02-20'],
  ['ហេង សុភា', 'Heng Sophea', 'F', '2019-06-01'],
  ['គឹម វណ្ណា', 'Kim Vanna', 'M', '2020-11-15'],
] as const;

let dir: string;
let database: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-hledger-'));
  database = await openDatabase(join(dir, 'sahakum.db'));
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Six months of a cooperative's books after moving from paper: opening balances, vouchers, member
 * savings, input sold on credit, exchanges both ways through the conversion accounts (one with a
 * rounding difference), a reversal, an entry back-dated after later ones, renamed and added accounts.
 */
async function sixMonthsOfHistory(db: Kysely<Database>) {
  await createCooperative(db, cooperative, ACTOR);
  const m: number[] = [];
  for (const [nameKm, nameLatin, sex, joinDate] of MEMBERS) {
    const member = await createMember(
      db,
      memberInputSchema.parse({
        nameKm,
        nameLatin,
        sex,
        birthDate: '',
        nationalId: '',
        phone: '',
        village: 'ព្រៃខ្លា',
        commune: 'ព្រះស្តេច',
        joinDate,
        nextOfKin: '',
        notes: '',
      }),
      ACTOR,
    );
    m.push(member.id);
  }
  const [m1, m2, m3, m4] = m as [number, number, number, number];
  const id = async (role: string) => (await accountByRole(db, role)).id;
  const a = {
    cashKhr: await id('cash_khr'),
    cashUsd: await id('cash_usd'),
    bankKhr: await id('bank_khr'),
    bankUsd: await id('bank_usd'),
    stock: await id('input_stock'),
    credit: await id('input_credit_khr'),
    savingsKhr: await id('savings_ordinary_khr'),
    savingsUsd: await id('savings_ordinary_usd'),
    shares: await id('share_capital'),
    reserve: await id('reserve_fund'),
    openingKhr: await id('opening_khr'),
    openingUsd: await id('opening_usd'),
    conversionKhr: await id('conversion_khr'),
    conversionUsd: await id('conversion_usd'),
    sales: await id('input_sales'),
    fees: await id('service_fees'),
    interestUsd: await id('interest_received_usd'),
    exchangeDifference: await id('exchange_difference_khr'),
    costOfInputs: await id('cost_of_inputs'),
    allowances: await id('allowances'),
    transport: await id('transport'),
    stationery: await id('stationery'),
    bankFeesUsd: await id('bank_fees_usd'),
    interestPaidKhr: await id('interest_paid_khr'),
    otherExpenses: await id('other_expenses'),
  };
  const khr = (accountId: number, amount: number, memberId?: number): LineDraft => ({
    accountId,
    currency: 'KHR',
    amount,
    memberId: memberId ?? null,
  });
  const usd = (accountId: number, amount: number, memberId?: number): LineDraft => ({
    accountId,
    currency: 'USD',
    amount,
    memberId: memberId ?? null,
  });
  const entry = (date: string, kind: string, memo: string, lines: LineDraft[], number?: string) =>
    post(db, { date, kind, memo, number: number ?? null, lines }, ACTOR);
  const balancing = (accountId: number, currency: Currency, lines: LineDraft[]): LineDraft => ({
    accountId,
    currency,
    amount: -lines.filter((l) => l.currency === currency).reduce((sum, l) => sum + l.amount, 0),
  });

  const opening = [
    khr(a.cashKhr, 2_450_000),
    usd(a.cashUsd, 125_000),
    khr(a.bankKhr, 12_000_000),
    usd(a.bankUsd, 340_050),
    khr(a.stock, 3_200_000),
    khr(a.credit, 450_000, m1),
    khr(a.credit, 275_500, m3),
    khr(a.savingsKhr, -1_200_000, m1),
    khr(a.savingsKhr, -860_000, m2),
    khr(a.savingsKhr, -2_015_000, m3),
    khr(a.savingsKhr, -300_000, m4),
    usd(a.savingsUsd, -42_500, m2),
    usd(a.savingsUsd, -118_075, m4),
    khr(a.shares, -200_000, m1),
    khr(a.shares, -400_000, m2),
    khr(a.shares, -100_000, m3),
    khr(a.shares, -1_000_000, m4),
    khr(a.reserve, -1_500_000),
  ];
  opening.push(balancing(a.openingKhr, 'KHR', opening), balancing(a.openingUsd, 'USD', opening));
  await entry('2025-01-01', 'opening', 'សមតុល្យដើមគ្រា ពីសៀវភៅក្រដាស', opening);

  await entry('2025-01-08', 'savings_deposit', 'សន្សំប្រាក់', [
    khr(a.cashKhr, 150_000),
    khr(a.savingsKhr, -150_000, m1),
  ]);
  const receipt = await entry(
    '2025-01-15',
    'receipt',
    'កម្រៃសេវាភ្ជួររាស់; ខែមករា',
    [khr(a.cashKhr, 85_000), khr(a.fees, -85_000)],
    'RV-000001',
  );
  await entry(
    '2025-01-20',
    'payment',
    'ប្រាក់ឧបត្ថម្ភគណៈកម្មការ ខែមករា',
    [khr(a.allowances, 300_000), khr(a.cashKhr, -300_000)],
    'PV-000001',
  );
  await entry('2025-01-24', 'payment', 'ទឹកតែប្រជុំ', [khr(a.otherExpenses, 15_000), khr(a.cashKhr, -15_000)]);
  await entry('2025-01-31', 'payment', 'Bank fee, January', [usd(a.bankFeesUsd, 250), usd(a.bankUsd, -250)]);

  // $100 sold for riel at 4,100 but only 409,500 counted out: the 500 lost is an exchange difference.
  const exchange = await entry(
    '2025-02-05',
    'exchange',
    'ប្តូរប្រាក់ $100 @ 4100',
    [
      usd(a.cashUsd, -10_000),
      usd(a.conversionUsd, 10_000),
      khr(a.conversionKhr, -410_000),
      khr(a.cashKhr, 409_500),
      khr(a.exchangeDifference, 500),
    ],
    'EX-000001',
  );
  await entry('2025-02-10', 'transfer', 'ដាក់ប្រាក់ចូលធនាគារ', [
    khr(a.bankKhr, 1_000_000),
    khr(a.cashKhr, -1_000_000),
  ]);
  await entry('2025-02-18', 'savings_withdrawal', 'ដកប្រាក់សន្សំ', [
    usd(a.savingsUsd, 5_000, m4),
    usd(a.cashUsd, -5_000),
  ]);
  await entry('2025-03-03', 'input_sale', 'លក់ជីឥណទាន ២ បាវ', [
    khr(a.credit, 180_000, m2),
    khr(a.sales, -180_000),
    khr(a.costOfInputs, 150_000),
    khr(a.stock, -150_000),
  ]);
  const mistake = await entry('2025-03-12', 'payment', 'ក្រដាស និងប៊ិច', [
    khr(a.stationery, 45_000),
    khr(a.cashKhr, -45_000),
  ]);
  const reversal = await reverseEntry(
    db,
    { entryId: mistake, reason: 'ចំនួនខុស: ត្រូវជា ៥៤.០០០ ៛', date: '2025-03-14' },
    ACTOR,
  );
  await entry('2025-03-14', 'payment', 'ក្រដាស និងប៊ិច', [khr(a.stationery, 54_000), khr(a.cashKhr, -54_000)]);
  await entry('2025-03-20', 'receipt', 'Interest, Q1', [usd(a.bankUsd, 317), usd(a.interestUsd, -317)]);
  await entry(
    '2025-04-02',
    'exchange',
    'ទិញដុល្លារ $200 @ 4100',
    [
      khr(a.bankKhr, -820_000),
      khr(a.conversionKhr, 820_000),
      usd(a.conversionUsd, -20_000),
      usd(a.bankUsd, 20_000),
    ],
    'EX-000002',
  );
  await entry('2025-04-25', 'credit_repayment', 'សងឥណទានធាតុចូល', [
    khr(a.cashKhr, 100_000),
    khr(a.credit, -100_000, m3),
  ]);
  // Found in a drawer after April was written up: dated in February, posted last.
  const backDated = await entry('2025-02-14', 'payment', 'ថ្លៃសាំង\u200b\nទៅស្រុក\t (ត្រឡប់)', [
    khr(a.transport, 32_000),
    khr(a.cashKhr, -32_000),
  ]);
  await entry('2025-05-30', 'interest', 'ការប្រាក់សន្សំ ឆមាសទី១', [
    khr(a.interestPaidKhr, 24_000),
    khr(a.savingsKhr, -12_000, m1),
    khr(a.savingsKhr, -12_000, m3),
  ]);

  await renameAccount(db, { id: a.transport, nameKm: 'ថ្លៃធ្វើដំណើរ', nameEn: 'Travel:  fuel;\ttolls' });
  await setAccountActive(db, { id: a.otherExpenses, active: false });
  const expenses = await db
    .selectFrom('accounts')
    .select('id')
    .where('code', '=', '5')
    .executeTakeFirstOrThrow();
  const donations = await createAccount(
    db,
    {
      code: '5902',
      nameKm: 'អំណោយបុណ្យភូមិ',
      nameEn: 'Donations, "village" fair — ពិធីបុណ្យ',
      type: 'expense',
      currency: 'KHR',
      parentId: expenses.id,
      isControl: false,
      money: 'none',
    },
    ACTOR,
  );
  await entry('2025-06-10', 'payment', 'បុណ្យភូមិ', [khr(donations.id, 60_000), khr(a.cashKhr, -60_000)]);
  for (const month of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) {
    await closeMonth(db, month, ACTOR);
  }
  return { receipt, exchange, mistake, reversal, backDated };
}

describe('hledger export', () => {
  it('passes hledger’s strict check and gives the trial balance to the last riel and cent', async () => {
    const { db } = database;
    await sixMonthsOfHistory(db);
    const file = join(dir, 'books.journal');
    const written = await writeHledgerJournal(db, file);
    const counts = await db
      .selectFrom('journal_lines')
      .select((eb) => [
        eb.fn.countAll<number>().as('lines'),
        eb.fn.count<number>('entry_id').distinct().as('entries'),
      ])
      .executeTakeFirstOrThrow();
    expect(written).toEqual({ entries: counts.entries, postings: counts.lines });
    expect(written.entries).toBe(19);

    expect(hledger(file, 'check', '--strict', 'ordereddates')).toMatchObject({ status: 0, stderr: '' });

    const expected = await sahakumBalances(db, ACTOR.today);
    // Worked out by hand from the history, so that the comparison cannot pass on two empty sides.
    expect(expected).toMatchObject({
      '1101 KHR': 1_733_500,
      '1102 USD': 110_000,
      '1202 USD': 360_117,
      '3951 KHR': 410_000,
      '3952 USD': -10_000,
      '5401 KHR': 54_000,
    });
    expect(hledgerBalances(file)).toEqual(expected);
  });

  it('agrees with the trial balance part-way through, at the day before hledger’s end date', async () => {
    const { db } = database;
    await sixMonthsOfHistory(db);
    const file = join(dir, 'books.journal');
    await writeHledgerJournal(db, file);
    for (const asOf of ['2025-01-01', '2025-02-13', '2025-02-14', '2025-03-12', '2025-04-30']) {
      const end = new Date(`${asOf}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(hledgerBalances(file, '-e', end.toISOString().slice(0, 10)), asOf).toEqual(
        await sahakumBalances(db, asOf),
      );
    }
  });

  it('writes names, amounts and text in a form hledger reads back exactly', async () => {
    const { db } = database;
    const { receipt, exchange, mistake, reversal, backDated } = await sixMonthsOfHistory(db);
    const journal = await hledgerJournal(db);
    const lines = journal.split('\n');

    expect(lines.slice(3, 5)).toEqual(['commodity KHR', 'commodity USD']);
    expect(lines).toContain('account assets:1101 Cash on hand (riel)  ; type:A, km: សាច់ប្រាក់ក្នុងដៃ (រៀល)');
    expect(lines).toContain('account liabilities:2101 Ordinary savings (riel):M0001  ; member: សុខ ស្រីមុំ');
    expect(lines).toContain("account expenses:5201 Officers' allowances  ; type:X, km: ប្រាក់ឧបត្ថម្ភគណៈកម្មការ");
    expect(lines).toContain('account expenses:5301 Travel fuel tolls  ; type:X, km: ថ្លៃធ្វើដំណើរ');
    expect(lines).toContain('account expenses:5902 Donations, village fair  ; type:X, km: អំណោយបុណ្យភូមិ');
    // Groups take no postings and get no directive; hledger builds the tree from the names.
    expect(journal).not.toMatch(/^account assets:11 /m);

    const at = lines.indexOf(
      `2025-02-05 (#${exchange}) ប្តូរប្រាក់ $100 @ 4100  ; kind:exchange, number:EX-000001`,
    );
    expect(lines.slice(at, at + 6)).toEqual([
      `2025-02-05 (#${exchange}) ប្តូរប្រាក់ $100 @ 4100  ; kind:exchange, number:EX-000001`,
      '    assets:1102 Cash on hand (dollars)  -100.00 USD = 1150.00 USD',
      '    equity:3952 Currency conversion (dollars)  100.00 USD = 100.00 USD',
      '    equity:3951 Currency conversion (riel)  -410000 KHR = -410000 KHR',
      '    assets:1101 Cash on hand (riel)  409500 KHR = 2779500 KHR',
      '    income:4401 Exchange differences (riel)  500 KHR = 500 KHR',
    ]);
    // One line per entry header: the newline, tab and ';' of the memo are gone, Khmer text kept.
    expect(lines).toContain(`2025-02-14 (#${backDated}) ថ្លៃសាំង\u200b ទៅស្រុក (ត្រឡប់)  ; kind:payment`);
    expect(lines).toContain(
      `2025-01-15 (#${receipt}) កម្រៃសេវាភ្ជួររាស់, ខែមករា  ; kind:receipt, number:RV-000001`,
    );
    expect(lines).toContain(
      `2025-03-14 (#${reversal}) ចំនួនខុស: ត្រូវជា ៥៤.០០០ ៛  ; kind:reversal, reverses:${mistake}`,
    );

    // Entries in date order, then in the order they were posted.
    const headers = lines.filter((line) => /^\d{4}-\d{2}-\d{2} /.test(line));
    const keys = headers.map((line) => {
      const [, date = '', id = ''] = /^(\S+) \(#(\d+)\)/.exec(line) ?? [];
      return [date, Number(id)] as const;
    });
    const sorted = [...keys].sort(([d1, i1], [d2, i2]) => (d1 === d2 ? i1 - i2 : d1 < d2 ? -1 : 1));
    expect(keys).toEqual(sorted);
    expect(keys.map(([date]) => date).indexOf('2025-02-14')).toBe(8);
  });

  it('exports an empty ledger that hledger accepts', async () => {
    const { db } = database;
    await createCooperative(db, cooperative, ACTOR);
    const file = join(dir, 'empty.journal');
    expect(await writeHledgerJournal(db, file)).toEqual({ entries: 0, postings: 0 });
    expect(readFileSync(file, 'utf8')).toContain('account equity:3952 Currency conversion (dollars)');
    expect(hledger(file, 'check', '--strict', 'ordereddates')).toMatchObject({ status: 0, stderr: '' });
    expect(hledgerBalances(file)).toEqual({});
  });
});
