import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { accountByRole } from '../../main/ledger/accounts';
import { listEntries } from '../../main/ledger/journal';
import { closeMonth, listMonths, monthLog, reopenMonth } from '../../main/ledger/months';
import { postOpeningBalances, readOpeningCsv } from '../../main/ledger/opening';
import { type Actor, reverseEntry } from '../../main/ledger/posting';
import { postExchange, postTransfer, postVoucher } from '../../main/ledger/vouchers';
import { createMember } from '../../main/members/register';
import { DomainError } from '../../shared/errors';
import { blankCooperative, memberInputSchema } from '../../shared/schemas';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };

let dir: string;
let opened: OpenedDatabase;
let linesAtStart: number;
const db = () => opened.db;
const id = async (role: string) => (await accountByRole(db(), role)).id;

async function refusal(work: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function linesOf(entryId: number) {
  return db()
    .selectFrom('journal_lines')
    .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
    .select(['accounts.code', 'journal_lines.amount', 'journal_lines.member_id'])
    .where('entry_id', '=', entryId)
    .orderBy('journal_lines.id')
    .execute();
}

const count = async () =>
  (
    await db()
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-vouchers-'));
  opened = await openDatabase(join(dir, 'sahakum.db'));
  await createCooperative(
    db(),
    {
      ...blankCooperative,
      nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា',
      foundedOn: '2020-01-01',
      bookkeeper: 'លី ចន្ធូ',
    },
    ACTOR,
  );
  // Cash in the box to pay from: five million riel and two thousand dollars since the start.
  await postOpeningBalances(
    db(),
    {
      date: '2020-01-01',
      lines: [
        { accountId: await id('cash_khr'), memberId: null, amount: 5_000_000 },
        { accountId: await id('cash_usd'), memberId: null, amount: 200_000 },
        { accountId: await id('opening_khr'), memberId: null, amount: 5_000_000 },
        { accountId: await id('opening_usd'), memberId: null, amount: 200_000 },
      ],
    },
    ACTOR,
  );
  linesAtStart = await count();
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cash vouchers', () => {
  it('posts a receipt and a payment as one entry each, numbered per kind', async () => {
    const receipt = await postVoucher(
      db(),
      {
        direction: 'receipt',
        date: '2026-11-02',
        cashAccountId: await id('cash_khr'),
        headAccountId: await id('service_fees'),
        currency: 'KHR',
        amount: 50_000,
        party: 'ហាងស្រូវ សុខា',
        memberId: null,
        memo: 'កម្រៃសេវាដឹកស្រូវ',
      },
      ACTOR,
    );
    const payment = await postVoucher(
      db(),
      {
        direction: 'payment',
        date: '2026-11-03',
        cashAccountId: await id('cash_khr'),
        headAccountId: await id('stationery'),
        currency: 'KHR',
        amount: 12_500,
        party: 'បណ្ណាគារ',
        memberId: null,
        memo: '',
      },
      ACTOR,
    );
    expect(receipt.number).toBe('RV-000001');
    expect(payment.number).toBe('PV-000001');
    expect(await linesOf(receipt.entryId)).toEqual([
      { code: '1101', amount: 50_000, member_id: null },
      { code: '4201', amount: -50_000, member_id: null },
    ]);
    expect(await linesOf(payment.entryId)).toEqual([
      { code: '1101', amount: -12_500, member_id: null },
      { code: '5401', amount: 12_500, member_id: null },
    ]);
    const [latest] = await listEntries(db(), { from: '2026-11-01', to: '2026-11-30', limit: 10 });
    expect(latest).toMatchObject({ number: 'PV-000001', memo: 'សម្ភារៈការិយាល័យ', createdBy: 'លី ចន្ធូ' });
  });

  it('refuses a head in another currency, a head that is itself cash, and writes nothing', async () => {
    const base = {
      direction: 'payment' as const,
      date: '2026-11-03',
      cashAccountId: await id('cash_khr'),
      currency: 'KHR' as const,
      amount: 1_000,
      party: '',
      memberId: null,
      memo: '',
    };
    expect(
      await refusal(postVoucher(db(), { ...base, headAccountId: await id('bank_fees_usd') }, ACTOR)),
    ).toEqual({
      code: 'currency_mismatch',
      field: 'headAccountId',
    });
    expect(await refusal(postVoucher(db(), { ...base, headAccountId: await id('bank_khr') }, ACTOR))).toEqual(
      {
        code: 'validation',
        field: 'headAccountId',
      },
    );
    expect(
      await refusal(
        postVoucher(db(), { ...base, headAccountId: await id('stationery'), date: '2026-12-01' }, ACTOR),
      ),
    ).toMatchObject({ code: 'date_in_future', field: 'date' });
    expect(await count()).toBe(linesAtStart);
    expect(await db().selectFrom('sequences').selectAll().execute()).toEqual([]);
  });

  it('a receipt on a member account carries the member', async () => {
    const member = await createMember(
      db(),
      memberInputSchema.parse({
        nameKm: 'សុខ ស្រីមុំ',
        nameLatin: '',
        sex: 'F',
        birthDate: '',
        nationalId: '',
        phone: '',
        village: '',
        commune: '',
        joinDate: '2021-01-01',
        nextOfKin: '',
        notes: '',
      }),
      ACTOR,
    );
    const input = {
      direction: 'receipt' as const,
      date: '2026-11-05',
      cashAccountId: await id('cash_khr'),
      headAccountId: await id('input_credit_khr'),
      currency: 'KHR' as const,
      amount: 80_000,
      party: 'សុខ ស្រីមុំ',
      memo: 'សងឥណទានជី',
    };
    expect(await refusal(postVoucher(db(), { ...input, memberId: null }, ACTOR))).toMatchObject({
      code: 'member_required',
    });
    const posted = await postVoucher(db(), { ...input, memberId: member.id }, ACTOR);
    expect(await linesOf(posted.entryId)).toEqual([
      { code: '1101', amount: 80_000, member_id: null },
      { code: '1401', amount: -80_000, member_id: member.id },
    ]);
  });
});

describe('cash on hand', () => {
  it('cannot pay out more than the box holds, on the voucher date or today', async () => {
    const payment = {
      direction: 'payment' as const,
      cashAccountId: await id('cash_usd'),
      headAccountId: await id('bank_fees_usd'),
      currency: 'USD' as const,
      party: '',
      memberId: null,
      memo: '',
    };
    expect(
      await refusal(postVoucher(db(), { ...payment, date: '2026-11-10', amount: 200_001 }, ACTOR)),
    ).toEqual({ code: 'insufficient_cash', field: 'amount', params: { code: '1102' } });
    await postVoucher(db(), { ...payment, date: '2026-11-10', amount: 60_000 }, ACTOR);
    // $1,500 were there on 1 November, but are not all there today.
    expect(
      await refusal(postVoucher(db(), { ...payment, date: '2026-11-01', amount: 150_000 }, ACTOR)),
    ).toMatchObject({ code: 'insufficient_cash' });
    const exchange = {
      date: '2026-11-11',
      fromAccountId: await id('cash_usd'),
      toAccountId: await id('cash_khr'),
      rate: '4100',
      amountReceived: 1_640_000,
      memo: '',
    };
    expect(await refusal(postExchange(db(), { ...exchange, amountGiven: 150_000 }, ACTOR))).toMatchObject({
      code: 'insufficient_cash',
      field: 'amountGiven',
    });
    await postExchange(db(), { ...exchange, amountGiven: 40_000 }, ACTOR);
  });
});

describe('transfers and exchanges', () => {
  it('moves cash to the bank in one currency only', async () => {
    const posted = await postTransfer(
      db(),
      {
        date: '2026-11-04',
        fromAccountId: await id('cash_usd'),
        toAccountId: await id('bank_usd'),
        currency: 'USD',
        amount: 150_000,
        memo: '',
      },
      ACTOR,
    );
    expect(posted.number).toBe('TR-000001');
    expect(await linesOf(posted.entryId)).toEqual([
      { code: '1202', amount: 150_000, member_id: null },
      { code: '1102', amount: -150_000, member_id: null },
    ]);
    const same = { date: '2026-11-04', currency: 'USD' as const, amount: 100, memo: '' };
    expect(
      await refusal(
        postTransfer(
          db(),
          { ...same, fromAccountId: await id('cash_usd'), toAccountId: await id('cash_usd') },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'same_account', field: 'toAccountId' });
    expect(
      await refusal(
        postTransfer(
          db(),
          { ...same, fromAccountId: await id('cash_usd'), toAccountId: await id('bank_khr') },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'currency_mismatch', field: 'toAccountId' });
  });

  it('exchanges dollars for riel through the conversion accounts, the shortfall to exchange differences', async () => {
    const posted = await postExchange(
      db(),
      {
        date: '2026-11-06',
        fromAccountId: await id('cash_usd'),
        toAccountId: await id('cash_khr'),
        amountGiven: 10_000,
        rate: '4102.5',
        amountReceived: 410_000,
        memo: '',
      },
      ACTOR,
    );
    expect(posted.number).toBe('EX-000001');
    expect(await linesOf(posted.entryId)).toEqual([
      { code: '1102', amount: -10_000, member_id: null },
      { code: '3952', amount: 10_000, member_id: null },
      { code: '3951', amount: -410_250, member_id: null },
      { code: '1101', amount: 410_000, member_id: null },
      { code: '4401', amount: 250, member_id: null },
    ]);
  });

  it('exchanges riel for dollars with no difference when the cents come out exact', async () => {
    const posted = await postExchange(
      db(),
      {
        date: '2026-11-06',
        fromAccountId: await id('cash_khr'),
        toAccountId: await id('bank_usd'),
        amountGiven: 820_000,
        rate: '4100',
        amountReceived: 20_000,
        memo: '',
      },
      ACTOR,
    );
    expect(await linesOf(posted.entryId)).toEqual([
      { code: '1101', amount: -820_000, member_id: null },
      { code: '3951', amount: 820_000, member_id: null },
      { code: '3952', amount: -20_000, member_id: null },
      { code: '1202', amount: 20_000, member_id: null },
    ]);
  });

  it('refuses an exchange within one currency', async () => {
    const input = {
      date: '2026-11-06',
      fromAccountId: await id('cash_khr'),
      toAccountId: await id('bank_khr'),
      amountGiven: 1000,
      rate: '4100',
      amountReceived: 1000,
      memo: '',
    };
    expect(await refusal(postExchange(db(), input, ACTOR))).toEqual({
      code: 'currency_mismatch',
      field: 'toAccountId',
    });
    expect(await count()).toBe(linesAtStart);
  });
});

describe('month close', () => {
  it('closes an ended month, keeps postings out of it, and reopens only with a reason', async () => {
    expect(await refusal(closeMonth(db(), '2026-11', ACTOR))).toEqual({
      code: 'month_not_ended',
      field: 'month',
    });
    await closeMonth(db(), '2026-10', ACTOR);
    expect(await refusal(closeMonth(db(), '2026-10', ACTOR))).toEqual({
      code: 'month_already_closed',
      field: 'month',
    });
    const voucher = {
      direction: 'payment' as const,
      date: '2026-10-31',
      cashAccountId: await id('cash_khr'),
      headAccountId: await id('transport'),
      currency: 'KHR' as const,
      amount: 30_000,
      party: '',
      memberId: null,
      memo: '',
    };
    expect(await refusal(postVoucher(db(), voucher, ACTOR))).toMatchObject({
      code: 'month_closed',
      field: 'date',
    });
    expect(await refusal(reopenMonth(db(), '2026-10', '  ', ACTOR))).toEqual({
      code: 'required',
      field: 'reason',
    });
    expect(await refusal(reopenMonth(db(), '2026-09', 'កែតម្រូវ', ACTOR))).toEqual({
      code: 'month_not_closed',
      field: 'month',
    });
    await reopenMonth(db(), '2026-10', 'ភ្លេចកត់ត្រាថ្លៃដឹកជញ្ជូន', ACTOR);
    await postVoucher(db(), voucher, ACTOR);
    expect((await monthLog(db())).map((r) => [r.month, r.action, r.reason])).toEqual([
      ['2026-10', 'reopen', 'ភ្លេចកត់ត្រាថ្លៃដឹកជញ្ជូន'],
      ['2026-10', 'close', ''],
    ]);
    const months = await listMonths(db(), ACTOR.today);
    expect(months[0]).toEqual({ month: '2026-11', closed: false, entries: 0, closedAt: null });
    expect(months[1]).toMatchObject({ month: '2026-10', closed: false, entries: 1 });
  });
});

describe('opening balances', () => {
  it('posts balances in natural sign against opening equity, and refuses them unbalanced', async () => {
    const lines = [
      { accountId: await id('cash_khr'), memberId: null, amount: 1_500_000 },
      { accountId: await id('reserve_fund'), memberId: null, amount: 400_000 },
      { accountId: await id('opening_khr'), memberId: null, amount: 1_100_000 },
    ];
    // The books opened before each test: a second opening would double them until that one is reversed.
    const standing = await db()
      .selectFrom('journal_entries')
      .select('id')
      .where('kind', '=', 'opening')
      .executeTakeFirstOrThrow();
    expect(await refusal(postOpeningBalances(db(), { date: '2025-12-31', lines }, ACTOR))).toEqual({
      code: 'opening_exists',
      field: 'date',
      params: { date: '2020-01-01', entry: standing.id },
    });
    await reverseEntry(db(), { entryId: standing.id, date: '2025-12-31', reason: 'ពីសៀវភៅក្រដាសខុស' }, ACTOR);
    expect(
      await refusal(postOpeningBalances(db(), { date: '2025-12-31', lines: lines.slice(0, 2) }, ACTOR)),
    ).toEqual({
      code: 'entry_unbalanced',
      field: 'lines',
      params: { currency: 'KHR', difference: 1_100_000 },
    });
    const entryId = await postOpeningBalances(db(), { date: '2025-12-31', lines }, ACTOR);
    expect(await linesOf(entryId)).toEqual([
      { code: '1101', amount: 1_500_000, member_id: null },
      { code: '3201', amount: -400_000, member_id: null },
      { code: '3901', amount: -1_100_000, member_id: null },
    ]);
  });

  it('reads a CSV file for review and reports every bad row', async () => {
    await createMember(
      db(),
      memberInputSchema.parse({
        nameKm: 'ចាន់ ដារ៉ា',
        nameLatin: '',
        sex: 'M',
        birthDate: '',
        nationalId: '',
        phone: '',
        village: '',
        commune: '',
        joinDate: '2021-01-01',
        nextOfKin: '',
        notes: '',
      }),
      ACTOR,
    );
    const good = await readOpeningCsv(
      db(),
      '\ufeffaccount_code,member_number,amount\n1102,,250.75\n2101,1,"120,000"\n3901,,-120000\n3902,,250.75\n',
    );
    expect(good).toEqual({
      lines: [
        { accountId: await id('cash_usd'), memberId: null, amount: 25_075 },
        { accountId: await id('savings_ordinary_khr'), memberId: 1, amount: 120_000 },
        { accountId: await id('opening_khr'), memberId: null, amount: -120_000 },
        { accountId: await id('opening_usd'), memberId: null, amount: 25_075 },
      ],
    });
    const bad = await readOpeningCsv(
      db(),
      'account_code,member_number,amount\n9999,,5\n2101,,5\n1101,1,5\n1102,,1.234\n2101,7,5\n',
    );
    expect(bad).toEqual({
      errors: [
        { row: 1, field: 'account_code', code: 'account_unknown' },
        { row: 2, field: 'member_number', code: 'member_required', params: { code: '2101' } },
        { row: 3, field: 'member_number', code: 'member_not_allowed', params: { code: '1101' } },
        { row: 4, field: 'amount', code: 'amount_invalid' },
        { row: 5, field: 'member_number', code: 'member_unknown' },
      ],
    });
    expect(await readOpeningCsv(db(), 'account,amount\n')).toEqual({
      errors: [
        { row: 0, field: 'account', code: 'unknown_column' },
        { row: 0, field: 'account_code', code: 'required' },
        { row: 0, field: 'member_number', code: 'required' },
      ],
    });
  });
});
