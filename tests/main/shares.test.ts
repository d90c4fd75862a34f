import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative, updateCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { accountByRole } from '../../main/ledger/accounts';
import { postOpeningBalances } from '../../main/ledger/opening';
import { type Actor, type LineDraft, post, reverseEntry } from '../../main/ledger/posting';
import { balanceAt, memberBalance } from '../../main/ledger/statements';
import { createMember, exitMember } from '../../main/members/register';
import { memberShares, shareRegister } from '../../main/shares/register';
import { purchaseShares, redeemShares, sharesHeld, transferShares } from '../../main/shares/shares';
import { DomainError } from '../../shared/errors';
import {
  blankCooperative,
  type CooperativeInput,
  type Member,
  memberInputSchema,
} from '../../shared/schemas';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'លី ចន្ធូ' };
const DECISION = 'សេចក្តីសម្រេចលេខ ០៣/២០២៦';

const COOPERATIVE: CooperativeInput = {
  ...blankCooperative,
  nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា',
  foundedOn: '2020-01-01',
  bookkeeper: 'លី ចន្ធូ',
  sharePar: 20_000,
  shareCapPerMember: 10,
};

let dir: string;
let opened: OpenedDatabase;
const db = () => opened.db;
const id = async (role: string) => (await accountByRole(db(), role)).id;

let sreymom: Member;
let dara: Member;
let sophea: Member;
let vanna: Member;

function newMember(nameKm: string, sex: 'F' | 'M') {
  return createMember(
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
}

async function refusal(work: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Everything a share operation could write, to show that a refusal wrote none of it. */
async function dump() {
  return {
    entries: await db().selectFrom('journal_entries').selectAll().orderBy('id').execute(),
    lines: await db().selectFrom('journal_lines').selectAll().orderBy('id').execute(),
    movements: await db().selectFrom('share_movements').selectAll().orderBy('id').execute(),
    sequences: await db().selectFrom('sequences').selectAll().orderBy('name').execute(),
    savingsAccounts: await db().selectFrom('savings_accounts').selectAll().orderBy('id').execute(),
  };
}

async function expectRefusedUnchanged(work: () => Promise<unknown>): Promise<DomainError['error']> {
  const before = await dump();
  const error = await refusal(work());
  expect(await dump()).toEqual(before);
  return error;
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

async function buy(member: Member, shares: number, date = '2026-11-10') {
  return purchaseShares(
    db(),
    { memberId: member.id, date, shares, cashAccountId: await id('cash_khr') },
    ACTOR,
  );
}

async function leave(member: Member, exitDate = '2026-11-20') {
  await exitMember(db(), { id: member.id, status: 'left', exitDate, reason: 'ផ្លាស់ទៅភ្នំពេញ' }, ACTOR);
}

/** A line on a member account against cash, as the savings and inputs modules will post them. */
async function postMemberLine(role: string, member: Member, amount: number, cashRole = 'cash_khr') {
  const account = await accountByRole(db(), role);
  const cash = await accountByRole(db(), cashRole);
  if (account.currency === null) throw new Error(`${role} is a group`);
  const lines: LineDraft[] = [
    { accountId: account.id, memberId: member.id, currency: account.currency, amount },
    { accountId: cash.id, currency: account.currency, amount: -amount },
  ];
  return post(db(), { date: '2026-11-12', kind: 'test', memo: 'ប្រតិបត្តិការសាកល្បង', lines }, ACTOR);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-shares-'));
  opened = await openDatabase(join(dir, 'sahakum.db'));
  await createCooperative(db(), COOPERATIVE, ACTOR);
  sreymom = await newMember('សុខ ស្រីមុំ', 'F');
  dara = await newMember('ចាន់ ដារ៉ា', 'M');
  sophea = await newMember('កែវ សុភា', 'F');
  vanna = await newMember('ហេង វណ្ណា', 'M');
  // Five million riel and two thousand dollars in the box since the start.
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
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('share purchase', () => {
  it('posts cash against the member’s share capital at par, numbered, with certificates in sequence', async () => {
    const first = await buy(sreymom, 5);
    const second = await buy(dara, 2, '2026-11-11');
    const third = await buy(sreymom, 1, '2026-11-12');
    expect([first, second, third].map((p) => [p.number, p.certificateNumber])).toEqual([
      ['SH-000001', 1],
      ['SH-000002', 2],
      ['SH-000003', 3],
    ]);
    expect(await linesOf(first.entryId)).toEqual([
      { code: '1101', amount: 100_000, member_id: null },
      { code: '3101', amount: -100_000, member_id: sreymom.id },
    ]);
    const entry = await db()
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', third.entryId)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      kind: 'share_purchase',
      number: 'SH-000003',
      memo: 'ទិញភាគហ៊ុន ១ ហ៊ុន / 1 share',
      created_by: 'លី ចន្ធូ',
    });
    expect(await db().selectFrom('share_movements').selectAll().orderBy('id').execute()).toEqual([
      {
        id: 1,
        member_id: sreymom.id,
        date: '2026-11-10',
        kind: 'purchase',
        shares: 5,
        certificate_number: 1,
        counterpart_member_id: null,
        decision_ref: null,
        entry_id: first.entryId,
      },
      expect.objectContaining({ member_id: dara.id, shares: 2, certificate_number: 2 }),
      expect.objectContaining({ member_id: sreymom.id, shares: 1, certificate_number: 3 }),
    ]);
    expect(await sharesHeld(db(), sreymom.id)).toBe(6);
    expect(await sharesHeld(db(), sreymom.id, '2026-11-11')).toBe(5);
    expect(await sharesHeld(db(), sreymom.id, '2026-11-09')).toBe(0);
  });

  it('refuses to go over the cap per member, naming it, and writes nothing', async () => {
    await buy(sreymom, 8);
    expect(await expectRefusedUnchanged(() => buy(sreymom, 3))).toEqual({
      code: 'share_cap_reached',
      field: 'shares',
      params: { cap: 10, held: 8, kind: 'shares' },
    });
    // Up to the cap exactly is allowed.
    await buy(sreymom, 2);
    expect(await sharesHeld(db(), sreymom.id)).toBe(10);
  });

  it('applies the percentage cap only once the cooperative would hold 100 shares in all', async () => {
    await updateCooperative(db(), { ...COOPERATIVE, shareCapPerMember: 0, shareCapPercent: 10 }, ACTOR);
    // Under 100 shares in all, the first members may hold any part of them: 60 of 60, then 30 of 90.
    await buy(sreymom, 60);
    await buy(dara, 30);
    // Reaching 100 in all, the cap applies to the result: 40 of 100 is over 10 %.
    expect(await expectRefusedUnchanged(() => buy(dara, 10))).toEqual({
      code: 'share_cap_reached',
      field: 'shares',
      params: { cap: 10, held: 30, kind: 'percent' },
    });
    // 10 of 100 is exactly 10 %.
    await buy(sophea, 10);
    expect(await expectRefusedUnchanged(() => buy(sreymom, 1))).toEqual({
      code: 'share_cap_reached',
      field: 'shares',
      params: { cap: 10, held: 60, kind: 'percent' },
    });
    expect((await shareRegister(db(), '2026-11-28')).totalShares).toBe(100);
  });

  it('refuses a member who has left, a dollar account, a date before joining, and writes nothing', async () => {
    await leave(vanna);
    expect(await expectRefusedUnchanged(() => buy(vanna, 1))).toEqual({
      code: 'member_not_active',
      field: 'memberId',
    });
    expect(
      await expectRefusedUnchanged(async () =>
        purchaseShares(
          db(),
          { memberId: sreymom.id, date: '2026-11-10', shares: 1, cashAccountId: await id('cash_usd') },
          ACTOR,
        ),
      ),
    ).toEqual({
      code: 'currency_mismatch',
      field: 'cashAccountId',
      params: { code: '1102', currency: 'USD' },
    });
    expect(await expectRefusedUnchanged(() => buy(sreymom, 1, '2020-06-01'))).toEqual({
      code: 'date_before_join',
      field: 'date',
      params: { date: '2021-01-01' },
    });
    // A refusal from the ledger itself, after the numbers were taken, rolls the numbers back too.
    expect(await expectRefusedUnchanged(() => buy(sreymom, 1, '2026-12-01'))).toMatchObject({
      code: 'date_in_future',
    });
  });
});

describe('share transfer', () => {
  it('moves shares and capital at par between members, naming the board decision', async () => {
    await buy(sreymom, 5);
    await buy(dara, 2);
    const transfer = await transferShares(
      db(),
      { fromMemberId: sreymom.id, toMemberId: dara.id, date: '2026-11-15', shares: 3, decisionRef: DECISION },
      ACTOR,
    );
    expect(transfer.certificateNumber).toBe(3);
    expect(await linesOf(transfer.entryId)).toEqual([
      { code: '3101', amount: 60_000, member_id: sreymom.id },
      { code: '3101', amount: -60_000, member_id: dara.id },
    ]);
    const entry = await db()
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', transfer.entryId)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      kind: 'share_transfer',
      number: null,
      memo: `ផ្ទេរភាគហ៊ុន ៣ ហ៊ុន ពីសមាជិក ១ ទៅ ២ / 3 shares from member 1 to 2 — ${DECISION}`,
    });

    const given = await memberShares(db(), sreymom.id);
    expect(given).toMatchObject({ memberNumber: 1, nameKm: 'សុខ ស្រីមុំ', shares: 2, capital: 40_000 });
    expect(given.movements).toEqual([
      {
        id: 1,
        date: '2026-11-10',
        kind: 'purchase',
        shares: 5,
        certificateNumber: 1,
        counterpartMemberNumber: null,
        decisionRef: '',
        entryId: expect.any(Number),
        entryNumber: 'SH-000001',
      },
      {
        id: 3,
        date: '2026-11-15',
        kind: 'transfer_out',
        shares: -3,
        certificateNumber: null,
        counterpartMemberNumber: 2,
        decisionRef: DECISION,
        entryId: transfer.entryId,
        entryNumber: null,
      },
    ]);
    const received = await memberShares(db(), dara.id);
    expect(received).toMatchObject({ shares: 5, capital: 100_000 });
    expect(received.movements.at(-1)).toMatchObject({
      kind: 'transfer_in',
      shares: 3,
      certificateNumber: 3,
      counterpartMemberNumber: 1,
      decisionRef: DECISION,
    });
    // As of the day before the transfer, nothing had moved yet.
    expect(await memberShares(db(), dara.id, '2026-11-14')).toMatchObject({ shares: 2, capital: 40_000 });
  });

  it('refuses more than held (also on a back date), the same member, a left receiver, the cap; writes nothing', async () => {
    await buy(sreymom, 2);
    await buy(sophea, 9);
    await leave(vanna);
    const transfer = (changes: Partial<{ toMemberId: number; shares: number; date: string }>) =>
      transferShares(
        db(),
        {
          fromMemberId: sreymom.id,
          toMemberId: dara.id,
          date: '2026-11-15',
          shares: 1,
          decisionRef: DECISION,
          ...changes,
        },
        ACTOR,
      );
    expect(await expectRefusedUnchanged(() => transfer({ shares: 3 }))).toEqual({
      code: 'insufficient_shares',
      field: 'shares',
      params: { held: 2 },
    });
    // Bought on the 10th: on the 5th there was nothing to give.
    expect(await expectRefusedUnchanged(() => transfer({ date: '2026-11-05' }))).toEqual({
      code: 'insufficient_shares',
      field: 'shares',
      params: { held: 0 },
    });
    expect(await expectRefusedUnchanged(() => transfer({ toMemberId: sreymom.id }))).toEqual({
      code: 'same_member',
      field: 'toMemberId',
    });
    expect(await expectRefusedUnchanged(() => transfer({ toMemberId: vanna.id }))).toEqual({
      code: 'member_not_active',
      field: 'toMemberId',
    });
    expect(await expectRefusedUnchanged(() => transfer({ toMemberId: sophea.id, shares: 2 }))).toEqual({
      code: 'share_cap_reached',
      field: 'shares',
      params: { cap: 10, held: 9, kind: 'shares' },
    });
  });
});

describe('share redemption', () => {
  const redeem = async (member: Member, settle: boolean, date = '2026-11-25') =>
    redeemShares(db(), { memberId: member.id, date, cashAccountId: await id('cash_khr'), settle }, ACTOR);

  it('refuses an active member, a member without shares, savings or credit left unsettled; writes nothing', async () => {
    await buy(sreymom, 5);
    expect(await expectRefusedUnchanged(() => redeem(sreymom, false))).toEqual({
      code: 'member_still_active',
      field: 'memberId',
    });
    await leave(vanna);
    expect(await expectRefusedUnchanged(() => redeem(vanna, true))).toEqual({
      code: 'no_shares',
      field: 'memberId',
    });

    await postMemberLine('savings_ordinary_khr', sreymom, -500_000);
    await leave(sreymom);
    expect(await expectRefusedUnchanged(() => redeem(sreymom, false))).toEqual({
      code: 'member_has_savings',
      field: 'settle',
      params: { KHR: 500_000, USD: 0 },
    });

    await buy(dara, 1);
    await postMemberLine('input_credit_khr', dara, 300_000);
    await leave(dara);
    expect(await expectRefusedUnchanged(() => redeem(dara, false))).toEqual({
      code: 'member_owes_credit',
      field: 'settle',
      params: { owed: 300_000 },
    });
    // Even settling, one share (20,000 ៛) does not cover 300,000 ៛ owed: the member must pay in first.
    expect(await expectRefusedUnchanged(() => redeem(dara, true))).toEqual({
      code: 'member_owes_credit',
      field: 'settle',
      params: { owed: 300_000 },
    });
    // A redemption settles everything as of its date: not before the member left.
    expect(await expectRefusedUnchanged(() => redeem(sreymom, true, '2026-11-19'))).toEqual({
      code: 'date_before_last_movement',
      field: 'date',
      params: { date: '2026-11-20' },
    });
  });

  it('redeems at par alone when nothing else is held', async () => {
    await buy(sreymom, 3);
    await leave(sreymom);
    const redeemed = await redeem(sreymom, false);
    expect(redeemed.paidOut).toEqual({ KHR: 60_000, USD: 0 });
    expect(await linesOf(redeemed.entryId)).toEqual([
      { code: '3101', amount: 60_000, member_id: sreymom.id },
      { code: '1101', amount: -60_000, member_id: null },
    ]);
    expect(await memberShares(db(), sreymom.id)).toMatchObject({ shares: 0, capital: 0 });
    expect((await memberShares(db(), sreymom.id)).movements.at(-1)).toMatchObject({
      kind: 'redemption',
      shares: -3,
      certificateNumber: null,
    });
    expect(await expectRefusedUnchanged(() => redeem(sreymom, false))).toEqual({
      code: 'no_shares',
      field: 'memberId',
    });
  });

  it('with settle, one entry zeroes shares, savings and credit and pays the net, closing savings accounts', async () => {
    await buy(sreymom, 5);
    await postMemberLine('savings_ordinary_khr', sreymom, -500_000);
    await postMemberLine('savings_ordinary_usd', sreymom, -2_500, 'cash_usd');
    await postMemberLine('input_credit_khr', sreymom, 300_000);
    const product = await db()
      .insertInto('savings_products')
      .values({
        name_km: 'សន្សំធម្មតា',
        name_en: 'Ordinary savings',
        currency: 'KHR',
        kind: 'ordinary',
        term_months: null,
        annual_rate_bp: 500,
        posting: 'monthly',
        min_opening_deposit: 0,
        early_withdrawal: 1,
        early_penalty_bp: 0,
        account_id: await id('savings_ordinary_khr'),
        active: 1,
        created_at: ACTOR.timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('savings_accounts')
      .values({ number: 'SV-000001', member_id: sreymom.id, product_id: product.id, opened_on: '2026-11-12' })
      .execute();
    await leave(sreymom);
    const cashBefore = await balanceAt(db(), [await id('cash_khr'), await id('cash_usd')], '2026-11-28');

    const redeemed = await redeem(sreymom, true);
    // 5 shares (100,000 ៛) + savings 500,000 ៛ − credit 300,000 ៛ = 300,000 ៛; and the $25.00 saved.
    expect(redeemed.paidOut).toEqual({ KHR: 300_000, USD: 2_500 });
    expect(await linesOf(redeemed.entryId)).toEqual([
      { code: '3101', amount: 100_000, member_id: sreymom.id },
      { code: '2101', amount: 500_000, member_id: sreymom.id },
      { code: '2102', amount: 2_500, member_id: sreymom.id },
      { code: '1401', amount: -300_000, member_id: sreymom.id },
      { code: '1101', amount: -300_000, member_id: null },
      { code: '1102', amount: -2_500, member_id: null },
    ]);
    const entries = await db()
      .selectFrom('journal_entries')
      .select(['kind', 'memo'])
      .where('kind', '=', 'share_redemption')
      .execute();
    expect(entries).toEqual([
      {
        kind: 'share_redemption',
        memo: 'ដកភាគហ៊ុនវិញ ៥ ហ៊ុន និងទូទាត់ប្រាក់សន្សំ និងឥណទាន / 5 shares redeemed, savings and credit settled',
      },
    ]);
    for (const role of [
      'share_capital',
      'savings_ordinary_khr',
      'savings_ordinary_usd',
      'input_credit_khr',
    ]) {
      expect((await memberBalance(db(), sreymom.id, await id(role), '2026-11-28')).balance).toBe(0);
    }
    const cashAfter = await balanceAt(db(), [await id('cash_khr'), await id('cash_usd')], '2026-11-28');
    expect((cashBefore.get(await id('cash_khr')) ?? 0) - (cashAfter.get(await id('cash_khr')) ?? 0)).toBe(
      300_000,
    );
    expect((cashBefore.get(await id('cash_usd')) ?? 0) - (cashAfter.get(await id('cash_usd')) ?? 0)).toBe(
      2_500,
    );
    expect(await db().selectFrom('savings_accounts').select(['number', 'closed_on']).execute()).toEqual([
      { number: 'SV-000001', closed_on: '2026-11-25' },
    ]);
    expect(await sharesHeld(db(), sreymom.id)).toBe(0);
  });

  it('refuses a settlement the cash on hand cannot pay', async () => {
    await buy(sreymom, 1);
    // Three thousand dollars saved, deposited straight to the bank: the box holds two thousand.
    await postMemberLine('savings_ordinary_usd', sreymom, -300_000, 'bank_usd');
    await leave(sreymom);
    expect(await expectRefusedUnchanged(() => redeem(sreymom, true))).toEqual({
      code: 'insufficient_cash',
      field: 'settle',
      params: { code: '1102' },
    });
  });
});

describe('share register', () => {
  it('lists every holder in number order with certificates, and totals the ledger’s share capital', async () => {
    // Shares that came over from the paper register in the opening balances are shares with a certificate.
    // The books open once: the cash opened before each test is reversed, to open them with these instead.
    const standing = await db()
      .selectFrom('journal_entries')
      .select('id')
      .where('kind', '=', 'opening')
      .executeTakeFirstOrThrow();
    await reverseEntry(db(), { entryId: standing.id, date: '2026-01-01', reason: 'ពីបញ្ជីភាគហ៊ុនក្រដាស' }, ACTOR);
    await postOpeningBalances(
      db(),
      {
        date: '2026-01-01',
        lines: [
          { accountId: await id('cash_khr'), memberId: null, amount: 40_000 },
          { accountId: await id('share_capital'), memberId: vanna.id, amount: 40_000 },
        ],
      },
      ACTOR,
    );
    await buy(sreymom, 5);
    await buy(dara, 4);
    await buy(sophea, 2);
    await transferShares(
      db(),
      { fromMemberId: sreymom.id, toMemberId: dara.id, date: '2026-11-15', shares: 1, decisionRef: DECISION },
      ACTOR,
    );
    await leave(sophea);
    await redeemShares(
      db(),
      { memberId: sophea.id, date: '2026-11-25', cashAccountId: await id('cash_khr'), settle: false },
      ACTOR,
    );

    const register = await shareRegister(db(), '2026-11-28');
    expect(register).toEqual({
      asOf: '2026-11-28',
      par: 20_000,
      rows: [
        {
          memberId: sreymom.id,
          memberNumber: 1,
          nameKm: 'សុខ ស្រីមុំ',
          nameLatin: '',
          status: 'active',
          shares: 4,
          capital: 80_000,
          certificates: [2],
        },
        expect.objectContaining({ memberNumber: 2, shares: 5, capital: 100_000, certificates: [3, 5] }),
        expect.objectContaining({
          memberNumber: 3,
          status: 'left',
          shares: 0,
          capital: 0,
          certificates: [4],
        }),
        expect.objectContaining({ memberNumber: 4, shares: 2, capital: 40_000, certificates: [1] }),
      ],
      totalShares: 11,
      totalCapital: 220_000,
    });
    const capital = await id('share_capital');
    const ledger = (await balanceAt(db(), [capital], '2026-11-28')).get(capital) ?? 0;
    expect(register.totalCapital).toBe(-ledger);

    const earlier = await shareRegister(db(), '2026-11-14');
    expect(earlier.rows.map((row) => [row.memberNumber, row.shares, row.certificates])).toEqual([
      [1, 5, [2]],
      [2, 4, [3]],
      [3, 2, [4]],
      [4, 2, [1]],
    ]);
    const ledgerEarlier = (await balanceAt(db(), [capital], '2026-11-14')).get(capital) ?? 0;
    expect(earlier.totalCapital).toBe(-ledgerEarlier);
    expect(earlier.totalCapital).toBe(11 * 20_000 + 40_000);
  });
});
