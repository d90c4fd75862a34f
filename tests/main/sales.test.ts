import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { memberInputCredit } from '../../main/inputs/credit';
import { createItem, createSupplier } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { postInputSale } from '../../main/inputs/sales';
import { accountByRole } from '../../main/ledger/accounts';
import { postOpeningBalances } from '../../main/ledger/opening';
import type { Actor } from '../../main/ledger/posting';
import { balanceAt } from '../../main/ledger/statements';
import { createMember } from '../../main/members/register';
import { recordBuyerReceipt, recordBuyerSale, recordSaleCost } from '../../main/sales/buyer';
import { campaignSummary, closeCampaign, createCampaign } from '../../main/sales/campaigns';
import { postDeliveryDay, setConsent } from '../../main/sales/deliveries';
import { collectPayouts, payoutSheet, postPayout } from '../../main/sales/payout';
import { openSavingsAccount, savingsBalance } from '../../main/savings/accounts';
import { createProduct } from '../../main/savings/products';
import { memberWeights } from '../../main/yearend/allocation';
import { DomainError } from '../../shared/errors';
import type { Campaign, CampaignInput } from '../../shared/sales';
import { memberInputSchema } from '../../shared/schemas';
import { ordinaryRielSavings, preyKhla } from '../support/cooperative';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };

let dir: string;
let opened: OpenedDatabase;
const db = () => opened.db;
const role = async (name: string) => (await accountByRole(db(), name)).id;
const balance = async (name: string, asOf = '2026-11-28') => {
  const id = await role(name);
  return (await balanceAt(db(), [id], asOf)).get(id) ?? 0;
};

let members: number[];
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

const WET_SEASON: CampaignInput = {
  name: 'ស្រូវវស្សា ២០២៦',
  crop: 'ស្រូវ',
  variety: 'ផ្កាម្លិះ',
  buyerName: 'រោងម៉ាស៊ីនកិនស្រូវ ហេង ហួត',
  buyerPhone: '012 888 123',
  startDate: '2026-11-01',
  endDate: '',
  currency: 'KHR',
  // 20 riel a kg.
  feeKind: 'per_kg',
  feeValue: 20_000,
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-sales-'));
  opened = await openDatabase(join(dir, 'coop.db'));
  await createCooperative(db(), preyKhla, ACTOR);
  members = [];
  for (const [nameKm, sex] of [
    ['សុខ ស្រីមុំ', 'F'],
    ['ចាន់ ដារា', 'M'],
    ['ហេង សុភា', 'F'],
  ] as const) {
    const member = await createMember(
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
    members.push(member.id);
  }
  cash = await role('cash_khr');
  await postOpeningBalances(
    db(),
    {
      date: '2025-12-31',
      lines: [
        { accountId: cash, memberId: null, amount: 20_000_000 },
        { accountId: await role('opening_khr'), memberId: null, amount: 20_000_000 },
      ],
    },
    { ...ACTOR, today: '2026-01-01' },
  );
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const m = (i: number) => members[i] ?? 0;

/** Three members deliver 1,000 kg, 2,000 kg (less 5% moisture) and 500 kg less 10 kg. */
async function deliveredCampaign(input: CampaignInput = WET_SEASON): Promise<Campaign> {
  const campaign = await createCampaign(db(), input, ACTOR);
  await postDeliveryDay(
    db(),
    {
      campaignId: campaign.id,
      date: '2026-11-10',
      deliveries: [
        { memberId: m(0), grossG: 1_000_000, deductionKind: 'kg', deductionValue: 0, consent: true },
        { memberId: m(1), grossG: 2_000_000, deductionKind: 'percent', deductionValue: 500 },
        { memberId: m(2), grossG: 500_000, deductionKind: 'kg', deductionValue: 10_000 },
      ],
    },
    ACTOR,
  );
  return campaign;
}

/** The buyer takes 3,390 kg at 1,150 riel, less 40,500 riel; trucking of 60,000 riel is shared. */
async function soldAndReceived(campaign: Campaign) {
  await closeCampaign(db(), campaign.id, '2026-11-12');
  const sale = await recordBuyerSale(
    db(),
    {
      campaignId: campaign.id,
      date: '2026-11-14',
      soldG: 3_390_000,
      unitPrice: 1_150_000,
      deductions: 40_500,
    },
    ACTOR,
  );
  expect(sale.amount).toBe(3_898_500);
  await recordSaleCost(
    db(),
    {
      campaignId: campaign.id,
      date: '2026-11-14',
      kind: 'transport',
      shared: true,
      note: 'ឡានដឹកស្រូវ',
      accountId: cash,
      amount: 60_000,
    },
    ACTOR,
  );
  await recordBuyerReceipt(
    db(),
    { campaignId: campaign.id, date: '2026-11-15', accountId: cash, amount: 2_000_000 },
    ACTOR,
  );
  await recordBuyerReceipt(
    db(),
    { campaignId: campaign.id, date: '2026-11-16', accountId: cash, amount: 1_858_000 },
    ACTOR,
  );
}

describe('collective sales: deliveries', () => {
  it('keeps each delivery with its slip number and net weight, and the campaign totals', async () => {
    const campaign = await deliveredCampaign();
    const summary = await campaignSummary(db(), campaign.id);
    expect(campaign.number).toBe('SC-000001');
    expect(summary).toMatchObject({
      deliveries: 3,
      members: 3,
      grossG: 3_500_000,
      netG: 1_000_000 + 1_900_000 + 490_000,
    });
    const slips = await db()
      .selectFrom('sales_deliveries')
      .select(['number', 'net_g'])
      .orderBy('id')
      .execute();
    expect(slips).toEqual([
      { number: 'DS-000001', net_g: 1_000_000 },
      { number: 'DS-000002', net_g: 1_900_000 },
      { number: 'DS-000003', net_g: 490_000 },
    ]);
  });

  it('refuses a delivery to a closed campaign, and a deduction that leaves nothing, saving nothing', async () => {
    const campaign = await deliveredCampaign();
    expect(
      await refusal(
        postDeliveryDay(
          db(),
          {
            campaignId: campaign.id,
            date: '2026-11-11',
            deliveries: [{ memberId: m(0), grossG: 100_000, deductionKind: 'kg', deductionValue: 100_000 }],
          },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'delivery_deduction_too_large', field: 'deliveries', params: { line: 0 } });
    await closeCampaign(db(), campaign.id, '2026-11-12');
    expect(
      await refusal(
        postDeliveryDay(
          db(),
          {
            campaignId: campaign.id,
            date: '2026-11-12',
            deliveries: [{ memberId: m(0), grossG: 100_000, deductionKind: 'kg', deductionValue: 0 }],
          },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'campaign_closed', field: 'campaignId' });
    expect((await campaignSummary(db(), campaign.id)).deliveries).toBe(3);
  });
});

describe('collective sales: sale, payout and collection', () => {
  it('refuses a payout before the sale and before the buyer has paid in full', async () => {
    const campaign = await deliveredCampaign();
    await closeCampaign(db(), campaign.id, '2026-11-12');
    expect(
      await refusal(postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [] }, ACTOR)),
    ).toEqual({
      code: 'payout_before_sale',
      field: 'date',
    });
    await recordBuyerSale(
      db(),
      { campaignId: campaign.id, date: '2026-11-14', soldG: 3_390_000, unitPrice: 1_150_000, deductions: 0 },
      ACTOR,
    );
    await recordBuyerReceipt(
      db(),
      { campaignId: campaign.id, date: '2026-11-15', accountId: cash, amount: 1_000_000 },
      ACTOR,
    );
    expect(
      await refusal(postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [] }, ACTOR)),
    ).toEqual({
      code: 'payout_buyer_owes',
      field: 'campaignId',
      params: { owed: 2_898_500 },
    });
    expect(
      await refusal(
        recordBuyerReceipt(
          db(),
          { campaignId: campaign.id, date: '2026-11-15', accountId: cash, amount: 2_898_501 },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'buyer_receipt_too_large', field: 'amount', params: { owed: 2_898_500 } });
    expect(await db().selectFrom('sales_payouts').selectAll().execute()).toEqual([]);
  });

  it('pays out by net kg to the riel, the fee to income, and leaves the clearing account at zero once collected', async () => {
    const campaign = await deliveredCampaign();
    await soldAndReceived(campaign);
    // Before the payout the books owe the members the sale less the buyer's deductions and the shared trucking.
    expect(await balance('sales_clearing_khr')).toBe(-(3_898_500 - 40_500 - 60_000));
    expect(await balance('buyer_receivable_khr')).toBe(0);
    const result = await postPayout(
      db(),
      { campaignId: campaign.id, date: '2026-11-20', toSavings: [] },
      ACTOR,
    );
    // 3,798,000 riel shared by 1,000 : 1,900 : 490 kg; fees 20 riel a kg.
    expect(result).toMatchObject({
      members: 3,
      proceeds: 3_798_000,
      gross: 3_798_000,
      fee: 67_800,
      credit: 0,
      net: 3_730_200,
    });
    const sheet = await payoutSheet(db(), campaign.id, '2026-11-28');
    expect(sheet.lines.map((l) => [l.gross, l.fee, l.net])).toEqual([
      [1_120_354, 20_000, 1_100_354],
      [2_128_673, 38_000, 2_090_673],
      [548_973, 9_800, 539_173],
    ]);
    expect(await balance('sales_fees_khr')).toBe(-67_800);
    expect(await balance('sales_clearing_khr')).toBe(-3_730_200);
    // What their paddy fetched is their business with the cooperative for the year's patronage refund.
    const weights = await memberWeights(db(), '2026-01-01', '2026-12-31');
    expect(weights.filter((w) => w.business > 0).map((w) => [w.memberId, w.business])).toEqual([
      [m(0), 1_120_354],
      [m(1), 2_128_673],
      [m(2), 548_973],
    ]);
    expect((await memberWeights(db(), '2025-01-01', '2025-12-31')).filter((w) => w.business > 0)).toEqual([]);
    await collectPayouts(
      db(),
      { campaignId: campaign.id, date: '2026-11-21', cashAccountId: cash, memberIds: [m(0), m(2)] },
      ACTOR,
    );
    expect((await payoutSheet(db(), campaign.id, '2026-11-28')).totals.uncollected).toBe(2_090_673);
    expect((await campaignSummary(db(), campaign.id)).owedToMembers).toBe(2_090_673);
    expect(await balance('sales_clearing_khr')).toBe(-2_090_673);
    await collectPayouts(
      db(),
      { campaignId: campaign.id, date: '2026-11-22', cashAccountId: cash, memberIds: [m(1)] },
      ACTOR,
    );
    expect(await balance('sales_clearing_khr')).toBe(0);
    const paid = await payoutSheet(db(), campaign.id, '2026-11-28');
    expect(paid.lines.map((l) => l.paidOn)).toEqual(['2026-11-21', '2026-11-22', '2026-11-21']);
  });

  it('refuses paying a member twice and paying the campaign out twice', async () => {
    const campaign = await deliveredCampaign();
    await soldAndReceived(campaign);
    await postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [] }, ACTOR);
    expect(
      await refusal(postPayout(db(), { campaignId: campaign.id, date: '2026-11-21', toSavings: [] }, ACTOR)),
    ).toEqual({
      code: 'payout_done',
      field: 'campaignId',
      params: { date: '2026-11-20' },
    });
    await collectPayouts(
      db(),
      { campaignId: campaign.id, date: '2026-11-21', cashAccountId: cash, memberIds: [m(0)] },
      ACTOR,
    );
    expect(
      await refusal(
        collectPayouts(
          db(),
          { campaignId: campaign.id, date: '2026-11-22', cashAccountId: cash, memberIds: [m(1), m(0)] },
          ACTOR,
        ),
      ),
    ).toEqual({
      code: 'payout_already_collected',
      field: 'memberIds',
      params: { line: 1, date: '2026-11-21' },
    });
    // Nothing of the refused morning was written: member 1 still has to collect.
    expect((await payoutSheet(db(), campaign.id, '2026-11-28')).lines[1]?.paidOn).toBeNull();
    expect(() => opened.sqlite.prepare('UPDATE sales_payouts SET net = 1').run()).toThrow(/immutable/);
  });

  it('takes consented input credit as a repayment, oldest first, never more than the payout; nothing without consent', async () => {
    const stock = await role('input_stock');
    const income = await role('input_sales');
    const urea = await createItem(
      db(),
      {
        nameKm: 'ជីអ៊ុយរ៉េ',
        nameLatin: 'Urea',
        unit: 'bag50',
        salePrice: 115_000,
        stockAccountId: stock,
        incomeAccountId: income,
      },
      ACTOR,
    );
    // Stock to sell: a purchase paid in cash.
    await postPurchase(
      db(),
      {
        supplierId: await supplier(),
        date: '2026-05-01',
        payment: 'cash',
        currency: 'KHR',
        cashAccountId: cash,
        rate: null,
        reference: '',
        lines: [{ itemId: urea.id, quantity: 10_000, unitCost: 95_000 }],
      },
      ACTOR,
    );
    for (const [date, bags] of [
      ['2026-05-10', 2],
      ['2026-06-10', 1],
    ] as const) {
      for (const memberIndex of [0, 1]) {
        await postInputSale(
          db(),
          {
            memberId: m(memberIndex),
            date,
            payment: 'credit',
            cashAccountId: null,
            dueDate: '2026-12-15',
            charge: { kind: 'none' },
            lines: [{ itemId: urea.id, quantity: bags * 1000, unitPrice: 115_000 }],
          },
          ACTOR,
        );
      }
    }
    const campaign = await deliveredCampaign();
    await soldAndReceived(campaign);
    // Member 0 consented at the scale; member 1 did not, and owes the same.
    const sheet = await payoutSheet(db(), campaign.id, '2026-11-20');
    expect(sheet.lines.map((l) => [l.consent, l.creditOwed, l.credit])).toEqual([
      [true, 345_000, 345_000],
      [false, 0, 0],
      [false, 0, 0],
    ]);
    await postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [] }, ACTOR);
    const first = await memberInputCredit(db(), m(0), '2026-11-28');
    expect(first.outstanding).toBe(0);
    expect(first.sales.map((s) => s.paid)).toEqual([230_000, 115_000]);
    expect((await memberInputCredit(db(), m(1), '2026-11-28')).outstanding).toBe(345_000);
    const repayments = await db()
      .selectFrom('input_repayments')
      .select(['number', 'member_id', 'amount'])
      .execute();
    expect(repayments).toEqual([{ number: 'IR-000001', member_id: m(0), amount: 345_000 }]);
    const payout = (await payoutSheet(db(), campaign.id, '2026-11-28')).lines[0];
    expect(payout).toMatchObject({ gross: 1_120_354, fee: 20_000, credit: 345_000, net: 755_354 });
    // Everything but the uncollected cash has left the clearing account.
    expect(await balance('sales_clearing_khr')).toBe(-(755_354 + 2_090_673 + 539_173));
  });

  it('pays into savings where asked, refuses it for a member without an account, and refuses consent in dollars', async () => {
    const product = await createProduct(db(), ordinaryRielSavings, ACTOR);
    await openSavingsAccount(
      db(),
      { memberId: m(2), productId: product.id, date: '2026-02-01', amount: 50_000, cashAccountId: cash },
      ACTOR,
    );
    const campaign = await deliveredCampaign();
    await soldAndReceived(campaign);
    expect(
      await refusal(
        postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [m(1)] }, ACTOR),
      ),
    ).toEqual({
      code: 'payout_no_savings',
      field: 'toSavings',
      params: { member: 2, currency: 'KHR' },
    });
    await postPayout(db(), { campaignId: campaign.id, date: '2026-11-20', toSavings: [m(2)] }, ACTOR);
    expect(await savingsBalance(db(), m(2), product.accountId)).toBe(50_000 + 539_173);
    expect(
      await refusal(
        collectPayouts(
          db(),
          { campaignId: campaign.id, date: '2026-11-21', cashAccountId: cash, memberIds: [m(2)] },
          ACTOR,
        ),
      ),
    ).toEqual({ code: 'payout_in_savings', field: 'memberIds', params: { line: 0 } });
    const dollars = await createCampaign(
      db(),
      { ...WET_SEASON, name: 'ស្រូវប្រាំង', currency: 'USD', feeKind: 'percent', feeValue: 200 },
      ACTOR,
    );
    expect(
      await refusal(
        setConsent(db(), { campaignId: dollars.id, memberId: m(0), date: '2026-11-20', given: true }, ACTOR),
      ),
    ).toEqual({
      code: 'payout_offset_riel',
      field: 'campaignId',
    });
  });

  it('posts a cost the cooperative bears to its own expense, not against the members', async () => {
    const campaign = await deliveredCampaign();
    await recordSaleCost(
      db(),
      {
        campaignId: campaign.id,
        date: '2026-11-10',
        kind: 'loading',
        shared: false,
        note: '',
        accountId: cash,
        amount: 25_000,
      },
      ACTOR,
    );
    expect(await balance('sales_costs_khr')).toBe(25_000);
    expect(await balance('sales_clearing_khr')).toBe(0);
    expect((await campaignSummary(db(), campaign.id)).ownCosts).toBe(25_000);
  });
});

const supplier = async () =>
  (await createSupplier(db(), { name: 'ហាង ជី សុខលី', phone: '', village: '' }, ACTOR)).id;
