import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCooperative, getCooperative, updateCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { accountByRole } from '../../main/ledger/accounts';
import { postOpeningBalances } from '../../main/ledger/opening';
import type { Actor } from '../../main/ledger/posting';
import { createMember, exitMember } from '../../main/members/register';
import { purchaseShares, redeemShares, sharesHeld } from '../../main/shares/shares';
import { DomainError } from '../../shared/errors';
import { blankCooperative, memberInputSchema } from '../../shared/schemas';

const ACTOR: Actor = { today: '2026-11-28', timestamp: '2026-11-28T03:00:00.000Z', user: 'test' };
const profile = { ...blankCooperative, nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា', foundedOn: '2019-01-01' };

let dir: string;
let opened: OpenedDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-par-'));
  opened = await openDatabase(join(dir, 'sahakum.db'));
  await createCooperative(opened.db, profile, ACTOR);
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the par value can change until the first share is sold, and never after', async () => {
  await updateCooperative(opened.db, { ...profile, sharePar: 25_000 }, ACTOR);
  expect((await getCooperative(opened.db)).sharePar).toBe(25_000);
  const member = await createMember(
    opened.db,
    memberInputSchema.parse({
      ...profile,
      nameKm: 'សុខ ស្រីមុំ',
      nameLatin: '',
      sex: 'F',
      birthDate: '',
      nationalId: '',
      phone: '',
      joinDate: '2020-01-01',
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );
  const cash = (await accountByRole(opened.db, 'cash_khr')).id;
  await postOpeningBalances(
    opened.db,
    {
      date: '2019-01-01',
      lines: [
        { accountId: cash, memberId: null, amount: 1_000_000 },
        { accountId: (await accountByRole(opened.db, 'opening_khr')).id, memberId: null, amount: 1_000_000 },
      ],
    },
    ACTOR,
  );
  await purchaseShares(
    opened.db,
    { memberId: member.id, date: '2026-01-10', shares: 2, cashAccountId: cash },
    ACTOR,
  );
  const refused = await updateCooperative(opened.db, { ...profile, sharePar: 20_000 }, ACTOR).catch(
    (e: unknown) => e,
  );
  expect(refused).toBeInstanceOf(DomainError);
  expect((refused as DomainError).error).toEqual({ code: 'share_par_locked', field: 'sharePar' });
  expect((await getCooperative(opened.db)).sharePar).toBe(25_000);
  // Everything else in the profile still changes.
  await updateCooperative(opened.db, { ...profile, sharePar: 25_000, chair: 'សុខ សុភ័ក្រ' }, ACTOR);
  expect((await getCooperative(opened.db)).chair).toBe('សុខ សុភ័ក្រ');
});

it('share capital from the paper register becomes shares that can be redeemed, and must be whole shares', async () => {
  const member = await createMember(
    opened.db,
    memberInputSchema.parse({
      ...profile,
      nameKm: 'ចាន់ ដារ៉ា',
      nameLatin: '',
      sex: 'M',
      birthDate: '',
      nationalId: '',
      phone: '',
      joinDate: '2019-02-01',
      nextOfKin: '',
      notes: '',
    }),
    ACTOR,
  );
  const cash = (await accountByRole(opened.db, 'cash_khr')).id;
  const capital = (await accountByRole(opened.db, 'share_capital')).id;
  const equity = (await accountByRole(opened.db, 'opening_khr')).id;
  const opening = (amount: number) =>
    postOpeningBalances(
      opened.db,
      {
        date: '2019-12-31',
        lines: [
          { accountId: cash, memberId: null, amount: 500_000 },
          { accountId: capital, memberId: member.id, amount },
          { accountId: equity, memberId: null, amount: 500_000 - amount },
        ],
      },
      ACTOR,
    );
  const refused = await opening(30_000).catch((e: unknown) => e);
  expect((refused as DomainError).error).toEqual({
    code: 'share_capital_not_whole',
    field: 'amount',
    params: { line: 1, par: 20_000 },
  });
  expect(await opened.db.selectFrom('journal_entries').selectAll().execute()).toEqual([]);

  await opening(60_000);
  expect(await sharesHeld(opened.db, member.id)).toBe(3);
  await exitMember(opened.db, { id: member.id, status: 'left', exitDate: '2026-10-01', reason: '' }, ACTOR);
  const redeemed = await redeemShares(
    opened.db,
    { memberId: member.id, date: '2026-10-02', cashAccountId: cash, settle: false },
    ACTOR,
  );
  expect(redeemed).toMatchObject({ number: 'SR-000001', paidOut: { KHR: 60_000, USD: 0 } });
  expect(await sharesHeld(opened.db, member.id)).toBe(0);
});
