import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { creditAging, inputCreditStatements, memberInputCredit } from '../../main/inputs/credit';
import { createItem, createSupplier, listItems, listSuppliers } from '../../main/inputs/items';
import { paySupplier, postPurchase } from '../../main/inputs/purchases';
import {
  chargeOf,
  creditMonths,
  postDistribution,
  postInputSale,
  postRepayment,
  postRepaymentDay,
} from '../../main/inputs/sales';
import { inputSalesReport } from '../../main/inputs/sales-report';
import { adjustStock, countStock, stockOnHand } from '../../main/inputs/stock';
import { accountByRole } from '../../main/ledger/accounts';
import { postOpeningBalances } from '../../main/ledger/opening';
import { type Actor, reverseEntry } from '../../main/ledger/posting';
import { balanceAt, trialBalance } from '../../main/ledger/statements';
import { createMember, exitMember } from '../../main/members/register';
import { purchaseShares, redeemShares } from '../../main/shares/shares';
import { DomainError } from '../../shared/errors';
import { agingBucket, type InputItem, parseQuantity, plainQuantity } from '../../shared/inputs';
import { type Member, memberInputSchema } from '../../shared/schemas';
import { preyKhla } from '../support/cooperative';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };

let dir: string;
let opened: OpenedDatabase;
const db = () => opened.db;
const role = async (name: string) => (await accountByRole(db(), name)).id;

let urea: InputItem;
let seed: InputItem;
let sreymom: Member;
let dara: Member;
let supplierId: number;
let cash: number;

async function refusal(work: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const newMember = (nameKm: string, sex: 'F' | 'M') =>
  createMember(
    db(),
    memberInputSchema.parse({
      nameKm,
      nameLatin: '',
      sex,
      birthDate: '',
      nationalId: '',
      phone: '',
      village: 'ព្រៃខ្លា',
      commune: '',
      joinDate: '2021-01-01',
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );

/** The stock accounts' balance and the items' value at a date must agree to the riel. */
async function expectStockAgrees(asOf: string) {
  const stock = await stockOnHand(db(), asOf);
  expect(stock.ledgerValue).toBe(stock.totalValue);
  for (const row of stock.rows) expect(row.quantity).toBeGreaterThanOrEqual(0);
  return stock;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-inputs-'));
  opened = await openDatabase(join(dir, 'coop.db'));
  await createCooperative(db(), preyKhla, ACTOR);
  cash = await role('cash_khr');
  sreymom = await newMember('សុខ ស្រីមុំ', 'F');
  dara = await newMember('ចាន់ ដារា', 'M');
  const stock = await role('input_stock');
  const income = await role('input_sales');
  urea = await createItem(
    db(),
    {
      nameKm: 'ជីអ៊ុយរ៉េ',
      nameLatin: 'Urea 46%',
      unit: 'bag50',
      salePrice: 115_000,
      stockAccountId: stock,
      incomeAccountId: income,
    },
    ACTOR,
  );
  seed = await createItem(
    db(),
    {
      nameKm: 'គ្រាប់ពូជស្រូវ សែនក្រអូប',
      nameLatin: 'Sen Kra Ob seed',
      unit: 'kg',
      salePrice: 3_500,
      stockAccountId: stock,
      incomeAccountId: income,
    },
    ACTOR,
  );
  supplierId = (
    await createSupplier(db(), { name: 'ហាង ជី សុខលី', phone: '012 345 678', village: 'ព្រៃវែង' }, ACTOR)
  ).id;
  // Cash in the box to pay with.
  await postOpeningBalances(
    db(),
    {
      date: '2025-12-31',
      lines: [
        { accountId: await role('cash_khr'), memberId: null, amount: 20_000_000 },
        { accountId: await role('opening_khr'), memberId: null, amount: 20_000_000 },
        { accountId: await role('cash_usd'), memberId: null, amount: 100_000 },
        { accountId: await role('opening_usd'), memberId: null, amount: 100_000 },
      ],
    },
    { ...ACTOR, today: '2026-01-01' },
  );
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const buy = (
  date: string,
  lines: { itemId: number; quantity: number; unitCost: number }[],
  payment: 'cash' | 'credit' = 'cash',
) =>
  postPurchase(
    db(),
    {
      supplierId,
      date,
      payment,
      currency: 'KHR',
      cashAccountId: payment === 'cash' ? cash : null,
      rate: null,
      reference: 'INV-12',
      lines,
    },
    ACTOR,
  );

describe('quantities', () => {
  it('reads quantities as typed, in thousandths, and writes them back', () => {
    expect(parseQuantity('12')).toBe(12_000);
    expect(parseQuantity('12.5')).toBe(12_500);
    expect(parseQuantity('1,200.25')).toBe(1_200_250);
    expect(parseQuantity('១២,៥')).toBe(12_500);
    expect(parseQuantity('១.២០០')).toBe(1_200_000);
    expect(parseQuantity('0.0001')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
    expect(parseQuantity('-3')).toBeNull();
    expect(plainQuantity(12_500)).toBe('12.5');
    expect(plainQuantity(3_000)).toBe('3');
    expect(plainQuantity(250)).toBe('0.25');
  });

  it('puts a debt in its aging bucket by the days past due', () => {
    expect(agingBucket('2026-12-31', '2026-12-31')).toBe('current');
    expect(agingBucket('2026-12-31', '2027-01-01')).toBe('days1to30');
    expect(agingBucket('2026-12-31', '2027-01-30')).toBe('days1to30');
    expect(agingBucket('2026-12-31', '2027-01-31')).toBe('days31to90');
    expect(agingBucket('2026-12-31', '2027-03-31')).toBe('days31to90');
    expect(agingBucket('2026-12-31', '2027-04-01')).toBe('over90');
  });

  it('charges a flat fee, or a monthly rate over the months of credit with a part month counted whole', () => {
    expect(creditMonths('2026-06-10', '2026-12-10')).toBe(6);
    expect(creditMonths('2026-06-10', '2026-12-11')).toBe(7);
    expect(chargeOf({ kind: 'rate', monthlyBp: 150 }, 230_000, '2026-06-10', '2026-12-10')).toBe(20_700);
    expect(chargeOf({ kind: 'flat', amount: 5_000 }, 230_000, '2026-06-10', '2026-12-10')).toBe(5_000);
    expect(chargeOf({ kind: 'none' }, 230_000, '2026-06-10', '2026-12-10')).toBe(0);
  });
});

describe('purchases and stock at weighted average cost', () => {
  it('posts a cash purchase as one entry, and the stock account equals the items’ value', async () => {
    const posted = await buy('2026-05-02', [
      { itemId: urea.id, quantity: 40_000, unitCost: 100_000 },
      { itemId: seed.id, quantity: 500_000, unitCost: 2_800 },
    ]);
    expect(posted.number).toBe('IP-000001');
    const lines = await db()
      .selectFrom('journal_lines')
      .selectAll()
      .where('entry_id', '=', posted.entryId)
      .execute();
    expect(lines.map((l) => l.amount).sort((a, b) => a - b)).toEqual([-5_400_000, 5_400_000]);
    const stock = await expectStockAgrees('2026-05-02');
    expect(stock.totalValue).toBe(5_400_000);
    expect(stock.rows.find((r) => r.itemId === urea.id)).toMatchObject({
      quantity: 40_000,
      value: 4_000_000,
      averageCost: 100_000,
    });
  });

  it('averages the cost of two purchases, and a sale takes stock out at that average', async () => {
    await buy('2026-05-02', [{ itemId: urea.id, quantity: 10_000, unitCost: 100_000 }]);
    await buy('2026-05-09', [{ itemId: urea.id, quantity: 20_000, unitCost: 106_000 }]);
    // 30 bags worth 3,120,000: 104,000 a bag.
    const sale = await postInputSale(
      db(),
      {
        memberId: sreymom.id,
        date: '2026-05-10',
        payment: 'cash',
        cashAccountId: cash,
        dueDate: null,
        charge: { kind: 'none' },
        lines: [{ itemId: urea.id, quantity: 7_000, unitPrice: 115_000 }],
      },
      ACTOR,
    );
    expect(sale.total).toBe(805_000);
    const cost = await db()
      .selectFrom('input_sales')
      .select('cost')
      .where('id', '=', sale.saleId)
      .executeTakeFirstOrThrow();
    expect(cost.cost).toBe(728_000);
    const stock = await expectStockAgrees('2026-05-10');
    expect(stock.rows.find((r) => r.itemId === urea.id)).toMatchObject({
      quantity: 23_000,
      value: 2_392_000,
    });
    // Selling what is left takes all the value left, to the riel.
    await postInputSale(
      db(),
      {
        memberId: dara.id,
        date: '2026-05-11',
        payment: 'cash',
        cashAccountId: cash,
        dueDate: null,
        charge: { kind: 'none' },
        lines: [{ itemId: urea.id, quantity: 23_000, unitPrice: 115_000 }],
      },
      ACTOR,
    );
    const after = await expectStockAgrees('2026-05-11');
    expect(after.rows.find((r) => r.itemId === urea.id)).toMatchObject({ quantity: 0, value: 0 });
  });

  it('owes a credit purchase to the supplier until paid, and refuses paying more than is owed', async () => {
    await buy('2026-05-02', [{ itemId: urea.id, quantity: 10_000, unitCost: 100_000 }], 'credit');
    expect((await listSuppliers(db()))[0]?.owed).toBe(1_000_000);
    const payables = await role('payables_khr');
    expect((await balanceAt(db(), [payables], '2026-05-02')).get(payables)).toBe(-1_000_000);
    expect(
      await refusal(
        paySupplier(db(), { supplierId, date: '2026-05-20', cashAccountId: cash, amount: 1_000_001 }, ACTOR),
      ),
    ).toMatchObject({
      code: 'payment_too_large',
      field: 'amount',
      params: { owed: 1_000_000 },
    });
    const paid = await paySupplier(
      db(),
      { supplierId, date: '2026-05-20', cashAccountId: cash, amount: 600_000 },
      ACTOR,
    );
    expect(paid.number).toBe('SP-000001');
    expect((await listSuppliers(db()))[0]?.owed).toBe(400_000);
  });

  it('pays a purchase in dollars through the currency-conversion accounts, the stock valued in riel', async () => {
    const usd = await role('cash_usd');
    const usdHeld = (await balanceAt(db(), [usd], '2026-05-02')).get(usd) ?? 0;
    expect(usdHeld).toBeGreaterThan(0);
    await postPurchase(
      db(),
      {
        supplierId,
        date: '2026-05-02',
        payment: 'cash',
        currency: 'USD',
        cashAccountId: usd,
        rate: '4100',
        reference: '',
        lines: [{ itemId: urea.id, quantity: 10_000, unitCost: 2_500 }],
      },
      ACTOR,
    );
    const stock = await expectStockAgrees('2026-05-02');
    expect(stock.totalValue).toBe(1_025_000);
    const tb = await trialBalance(db(), '2026-05-02');
    expect(tb.totals.KHR.debit).toBe(tb.totals.KHR.credit);
    expect(tb.totals.USD.debit).toBe(tb.totals.USD.credit);
  });

  it('refuses a sale of more than is on hand, naming the line, and writes nothing', async () => {
    await buy('2026-05-02', [{ itemId: urea.id, quantity: 5_000, unitCost: 100_000 }]);
    const before = readFileSync(join(dir, 'coop.db')).length;
    const entries = await db().selectFrom('journal_entries').select('id').execute();
    expect(
      await refusal(
        postInputSale(
          db(),
          {
            memberId: sreymom.id,
            date: '2026-05-03',
            payment: 'credit',
            cashAccountId: null,
            dueDate: '2026-12-15',
            charge: { kind: 'none' },
            lines: [
              { itemId: urea.id, quantity: 2_000, unitPrice: 115_000 },
              { itemId: seed.id, quantity: 1_000, unitPrice: 3_500 },
            ],
          },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'insufficient_stock',
      field: 'lines',
      params: { line: 1, item: 'គ្រាប់ពូជស្រូវ សែនក្រអូប', available: '0' },
    });
    expect(await db().selectFrom('journal_entries').select('id').execute()).toHaveLength(entries.length);
    expect(await db().selectFrom('input_movements').select('id').execute()).toHaveLength(1);
    expect(readFileSync(join(dir, 'coop.db')).length).toBe(before);
  });

  it('refuses a movement dated before the item’s last one, an inactive item and a member who left', async () => {
    await buy('2026-05-10', [{ itemId: urea.id, quantity: 5_000, unitCost: 100_000 }]);
    const sale = (date: string, memberId = sreymom.id) =>
      postInputSale(
        db(),
        {
          memberId,
          date,
          payment: 'cash',
          cashAccountId: cash,
          dueDate: null,
          charge: { kind: 'none' },
          lines: [{ itemId: urea.id, quantity: 1_000, unitPrice: 115_000 }],
        },
        ACTOR,
      );
    expect(await refusal(sale('2026-05-09'))).toMatchObject({
      code: 'date_before_stock_movement',
      field: 'date',
    });
    await exitMember(
      db(),
      { id: dara.id, status: 'left', exitDate: '2026-05-01', reason: 'ផ្លាស់ទីលំនៅ' },
      ACTOR,
    );
    expect(await refusal(sale('2026-05-11', dara.id))).toMatchObject({ code: 'member_not_active' });
  });

  it('adjusts stock for damage and found goods, and a count posts only the differences', async () => {
    await buy('2026-05-02', [
      { itemId: urea.id, quantity: 10_000, unitCost: 100_000 },
      { itemId: seed.id, quantity: 100_000, unitCost: 2_800 },
    ]);
    const damaged = await adjustStock(
      db(),
      { itemId: urea.id, date: '2026-05-03', reason: 'damage', quantity: -1_000, note: 'ទឹកជ្រាបចូលឃ្លាំង' },
      ACTOR,
    );
    expect(damaged.number).toBe('SA-000001');
    const losses = await role('stock_losses');
    expect((await balanceAt(db(), [losses], '2026-05-03')).get(losses)).toBe(100_000);
    expect(
      await refusal(
        adjustStock(
          db(),
          { itemId: urea.id, date: '2026-05-03', reason: 'loss', quantity: -10_000, note: '' },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'insufficient_stock',
      field: 'quantity',
    });
    expect(
      await refusal(
        adjustStock(
          db(),
          { itemId: urea.id, date: '2026-05-03', reason: 'found', quantity: -1_000, note: '' },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'quantity_invalid',
    });
    const counted = await countStock(
      db(),
      {
        date: '2026-05-04',
        note: 'រាប់ស្តុកប្រចាំខែ',
        counts: [
          { itemId: urea.id, counted: 9_000 },
          { itemId: seed.id, counted: 98_500 },
        ],
      },
      ACTOR,
    );
    expect(counted.differences).toBe(1);
    const stock = await expectStockAgrees('2026-05-04');
    expect(stock.rows.find((r) => r.itemId === seed.id)).toMatchObject({ quantity: 98_500, value: 275_800 });
    const unchanged = await countStock(
      db(),
      { date: '2026-05-04', note: '', counts: [{ itemId: urea.id, counted: 9_000 }] },
      ACTOR,
    );
    expect(unchanged).toEqual({ entryId: null, number: null, differences: 0 });
  });
});

describe('credit sales, repayments and aging', () => {
  beforeEach(async () => {
    await buy('2026-05-02', [
      { itemId: urea.id, quantity: 100_000, unitCost: 100_000 },
      { itemId: seed.id, quantity: 1_000_000, unitCost: 2_800 },
    ]);
  });

  const onCredit = (memberId: number, date: string, dueDate: string, bags: number) =>
    postInputSale(
      db(),
      {
        memberId,
        date,
        payment: 'credit',
        cashAccountId: null,
        dueDate,
        charge: { kind: 'rate', monthlyBp: 100 },
        lines: [{ itemId: urea.id, quantity: bags * 1000, unitPrice: 115_000 }],
      },
      ACTOR,
    );

  it('puts a credit sale with its charge on the member’s receivable, and repayments pay the oldest first', async () => {
    const first = await onCredit(sreymom.id, '2026-05-10', '2026-08-10', 2); // 230,000 + 3 months at 1 % = 6,900
    const second = await onCredit(sreymom.id, '2026-06-10', '2026-12-10', 1); // 115,000 + 6,900
    expect(first.total).toBe(236_900);
    expect(second.total).toBe(121_900);
    const credit = await role('input_credit_khr');
    const interest = await role('interest_received_khr');
    expect((await balanceAt(db(), [interest], '2026-06-10')).get(interest)).toBe(-13_800);
    const paid = await postRepayment(
      db(),
      { memberId: sreymom.id, date: '2026-09-01', cashAccountId: cash, amount: 300_000, saleId: null },
      ACTOR,
    );
    expect(paid).toMatchObject({ number: 'IR-000001', outstanding: 58_800 });
    const owed = await memberInputCredit(db(), sreymom.id, '2026-09-01');
    expect(owed.sales.map((s) => s.outstanding)).toEqual([0, 58_800]);
    expect(owed.outstanding).toBe((await balanceAt(db(), [credit], '2026-09-01')).get(credit));
    expect(owed.sales[1]?.lines).toEqual([
      {
        itemId: urea.id,
        itemNameKm: 'ជីអ៊ុយរ៉េ',
        itemNameLatin: 'Urea 46%',
        unit: 'bag50',
        quantity: 1_000,
        unitPrice: 115_000,
        amount: 115_000,
      },
    ]);
  });

  it('lets the bookkeeper pick the sale a repayment pays first', async () => {
    await onCredit(sreymom.id, '2026-05-10', '2026-08-10', 2);
    const second = await onCredit(sreymom.id, '2026-06-10', '2026-12-10', 1);
    await postRepayment(
      db(),
      {
        memberId: sreymom.id,
        date: '2026-07-01',
        cashAccountId: cash,
        amount: 121_900,
        saleId: second.saleId,
      },
      ACTOR,
    );
    const owed = await memberInputCredit(db(), sreymom.id, '2026-07-01');
    expect(owed.sales.map((s) => s.outstanding)).toEqual([236_900, 0]);
  });

  it('refuses a repayment above what is owed, from a member who owes nothing, or for another member’s sale', async () => {
    const sale = await onCredit(sreymom.id, '2026-05-10', '2026-08-10', 2);
    expect(
      await refusal(
        postRepayment(
          db(),
          { memberId: sreymom.id, date: '2026-09-01', cashAccountId: cash, amount: 236_901, saleId: null },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'repayment_too_large',
      field: 'amount',
      params: { owed: 236_900 },
    });
    expect(
      await refusal(
        postRepayment(
          db(),
          { memberId: dara.id, date: '2026-09-01', cashAccountId: cash, amount: 1_000, saleId: null },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'no_credit',
    });
    await onCredit(dara.id, '2026-05-10', '2026-08-10', 1);
    expect(
      await refusal(
        postRepayment(
          db(),
          { memberId: dara.id, date: '2026-09-01', cashAccountId: cash, amount: 1_000, saleId: sale.saleId },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'not_found',
      field: 'saleId',
    });
  });

  it('ages credit per member at any date, and the total equals the credit account', async () => {
    await onCredit(sreymom.id, '2026-05-10', '2026-06-10', 1); // 115,000 + 1,150, due 10 June
    await onCredit(sreymom.id, '2026-05-11', '2026-09-30', 1); // due 30 September
    await onCredit(dara.id, '2026-05-12', '2026-07-31', 2);
    const aging = await creditAging(db(), '2026-10-15');
    expect(aging.totals.total).toBe(aging.ledgerBalance);
    const srey = aging.rows.find((r) => r.memberId === sreymom.id);
    expect(srey).toMatchObject({ over90: 116_150, days1to30: 120_750, current: 0, days31to90: 0 });
    const daraRow = aging.rows.find((r) => r.memberId === dara.id);
    expect(daraRow).toMatchObject({ days31to90: 230_000 + 6_900, total: 236_900 });
    // Before the first due date everything is current.
    const early = await creditAging(db(), '2026-06-01');
    expect(early.totals).toMatchObject({ current: early.totals.total, over90: 0 });
  });

  it('reverses a sale: stock comes back, the credit is gone from the aging, and nothing is left owed', async () => {
    const sale = await onCredit(sreymom.id, '2026-05-10', '2026-08-10', 2);
    await reverseEntry(db(), { entryId: sale.entryId, reason: 'វាយបញ្ចូលខុស', date: '2026-05-11' }, ACTOR);
    const stock = await expectStockAgrees('2026-05-11');
    expect(stock.rows.find((r) => r.itemId === urea.id)?.quantity).toBe(100_000);
    expect((await creditAging(db(), '2026-12-01')).rows).toEqual([]);
    expect((await inputSalesReport(db(), '2026-01-01', '2026-12-31')).rows).toEqual([]);
  });

  it('posts a season’s distribution to many members in one go, each sale its own entry', async () => {
    const result = await postDistribution(
      db(),
      {
        date: '2026-06-01',
        dueDate: '2026-12-15',
        charge: { kind: 'flat', amount: 2_000 },
        sales: [
          {
            memberId: sreymom.id,
            lines: [
              { itemId: urea.id, quantity: 2_000, unitPrice: 115_000 },
              { itemId: seed.id, quantity: 50_000, unitPrice: 3_500 },
            ],
          },
          { memberId: dara.id, lines: [{ itemId: urea.id, quantity: 3_000, unitPrice: 115_000 }] },
        ],
      },
      ACTOR,
    );
    expect(result).toEqual({
      count: 2,
      total: 230_000 + 175_000 + 2_000 + 345_000 + 2_000,
      numbers: ['IS-000001', 'IS-000002'],
    });
    const fees = await role('service_fees');
    expect((await balanceAt(db(), [fees], '2026-06-01')).get(fees)).toBe(-4_000);
    await expectStockAgrees('2026-06-01');
    const report = await inputSalesReport(db(), '2026-06-01', '2026-06-30');
    expect(report.totals).toMatchObject({ goods: 750_000, charge: 4_000, credit: 754_000, cash: 0 });
    expect(report.items.find((i) => i.itemId === urea.id)).toMatchObject({
      quantity: 5_000,
      sales: 575_000,
      cost: 500_000,
    });
    // One line short of stock stops the whole distribution, named by sale and line.
    expect(
      await refusal(
        postDistribution(
          db(),
          {
            date: '2026-06-02',
            dueDate: '2026-12-15',
            charge: { kind: 'none' },
            sales: [
              { memberId: sreymom.id, lines: [{ itemId: urea.id, quantity: 1_000, unitPrice: 1 }] },
              { memberId: dara.id, lines: [{ itemId: urea.id, quantity: 95_000, unitPrice: 1 }] },
            ],
          },
          ACTOR,
        ),
      ),
    ).toMatchObject({ code: 'insufficient_stock', field: 'lines', params: { sale: 1, line: 0 } });
    expect(await db().selectFrom('input_sales').select('id').execute()).toHaveLength(2);
  });

  it('settles a leaving member’s input credit from the share redemption', async () => {
    await purchaseShares(
      db(),
      { memberId: dara.id, date: '2026-05-03', shares: 20, cashAccountId: cash },
      ACTOR,
    );
    await onCredit(dara.id, '2026-05-10', '2026-08-10', 1);
    await exitMember(
      db(),
      { id: dara.id, status: 'left', exitDate: '2026-09-01', reason: 'ផ្លាស់ទីលំនៅ' },
      ACTOR,
    );
    expect(
      await refusal(
        redeemShares(
          db(),
          { memberId: dara.id, date: '2026-09-02', cashAccountId: cash, settle: false },
          ACTOR,
        ),
      ),
    ).toMatchObject({
      code: 'member_owes_credit',
    });
    await redeemShares(
      db(),
      { memberId: dara.id, date: '2026-09-02', cashAccountId: cash, settle: true },
      ACTOR,
    );
    expect((await memberInputCredit(db(), dara.id, '2026-09-02')).outstanding).toBe(0);
    expect((await creditAging(db(), '2026-09-02')).rows.find((r) => r.memberId === dara.id)).toBeUndefined();
  });

  it('lists items with what is on hand', async () => {
    const items = await listItems(db());
    expect(items.map((i) => [i.nameKm, i.quantity, i.value])).toEqual([
      ['គ្រាប់ពូជស្រូវ សែនក្រអូប', 1_000_000, 2_800_000],
      ['ជីអ៊ុយរ៉េ', 100_000, 10_000_000],
    ]);
  });
});

describe('a day of repayments', () => {
  it('posts each repayment with its receipt, all or none, and a member named twice pays against what is left', async () => {
    await buy('2026-05-02', [{ itemId: urea.id, quantity: 10_000, unitCost: 100_000 }]);
    const sell = (memberId: number) =>
      postInputSale(
        db(),
        {
          memberId,
          date: '2026-05-10',
          payment: 'credit',
          cashAccountId: null,
          dueDate: '2026-12-10',
          charge: { kind: 'none' },
          lines: [{ itemId: urea.id, quantity: 1_000, unitPrice: 115_000 }],
        },
        ACTOR,
      );
    await sell(sreymom.id);
    await sell(dara.id);
    const day = (repayments: { memberId: number; amount: number }[]) =>
      postRepaymentDay(db(), { date: '2026-11-20', cashAccountId: cash, repayments }, ACTOR);
    expect(
      await refusal(
        day([
          { memberId: sreymom.id, amount: 100_000 },
          { memberId: sreymom.id, amount: 15_001 },
        ]),
      ),
    ).toMatchObject({
      code: 'repayment_too_large',
      params: { line: 1, owed: 15_000 },
    });
    expect(await db().selectFrom('input_repayments').select('id').execute()).toHaveLength(0);
    const done = await day([
      { memberId: sreymom.id, amount: 115_000 },
      { memberId: dara.id, amount: 50_000 },
    ]);
    expect(done).toEqual({ count: 2, total: 165_000, numbers: ['IR-000001', 'IR-000002'] });
    const aging = await creditAging(db(), '2026-11-20');
    expect(aging.rows.map((r) => [r.memberId, r.total])).toEqual([[dara.id, 65_000]]);
  });
});

describe('the member’s input credit statement', () => {
  it('opens with what was owed before the period, lists each sale and repayment with a running balance, and ends with the ledger’s balance', async () => {
    await buy('2026-04-01', [{ itemId: urea.id, quantity: 10_000, unitCost: 100_000 }]);
    const sale = (date: string, bags: number) =>
      postInputSale(
        db(),
        {
          memberId: sreymom.id,
          date,
          payment: 'credit',
          cashAccountId: null,
          dueDate: '2026-12-10',
          charge: { kind: 'none' },
          lines: [{ itemId: urea.id, quantity: bags * 1000, unitPrice: 115_000 }],
        },
        ACTOR,
      );
    await sale('2026-04-10', 1);
    const second = await sale('2026-06-10', 2);
    const repaid = await postRepayment(
      db(),
      { memberId: sreymom.id, date: '2026-07-01', cashAccountId: cash, amount: 100_000, saleId: null },
      ACTOR,
    );
    const statements = await inputCreditStatements(db(), [sreymom.id, dara.id], '2026-05-01', '2026-07-31');
    const srey = statements.get(sreymom.id);
    expect(srey).toMatchObject({ opening: 115_000, closing: 245_000, overdue: 0 });
    expect(srey?.movements.map((m) => [m.date, m.number, m.kind, m.amount, m.balance])).toEqual([
      ['2026-06-10', second.number, 'input_sale', 230_000, 345_000],
      ['2026-07-01', repaid.number, 'input_repayment', -100_000, 245_000],
    ]);
    expect(srey?.open.map((s) => s.outstanding)).toEqual([15_000, 230_000]);
    expect(statements.get(dara.id)).toMatchObject({ opening: 0, closing: 0, movements: [], open: [] });
  });
});
