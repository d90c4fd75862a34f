import { createCooperative } from '../../main/cooperative/profile';
import { postOpeningBalances } from '../../main/ledger/opening';
import { createMember } from '../../main/members/register';
import { createProduct } from '../../main/savings/products';
import { blankCooperative, type CooperativeInput } from '../../shared/schemas';
import type { AppFixture } from './fixtures';

export type Db = AppFixture['backend']['session']['db'];

export const accountId = async (db: Db, code: string) =>
  (await db.selectFrom('accounts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

const FOUNDING = { today: '2015-01-10', timestamp: '2015-01-10T02:00:00.000Z' };

/**
 * The cooperative the screens are tested on: Srov Sambo in Preah Sdach, founded on 10 January 2015, with
 * the cash its paper books held that day (riel and dollars, in minor units) against opening equity.
 */
export async function openSrovSambo(
  db: Db,
  profile: Partial<CooperativeInput> = {},
  cash: { KHR?: number; USD?: number } = {},
): Promise<void> {
  await createCooperative(
    db,
    {
      ...blankCooperative,
      nameKm: 'សហគមន៍កសិកម្ម ស្រូវសម្បូរ',
      nameLatin: 'Srov Sambo',
      foundedOn: '2015-01-10',
      village: 'ព្រៃខ្លា',
      commune: 'ព្រះស្តេច',
      district: 'ព្រះស្តេច',
      province: 'ព្រៃវែង',
      ...profile,
    },
    FOUNDING,
  );
  const lines = [];
  for (const [currency, cashCode, equityCode] of [
    ['KHR', '1101', '3901'],
    ['USD', '1102', '3902'],
  ] as const) {
    const amount = cash[currency] ?? 0;
    if (amount === 0) continue;
    lines.push({ accountId: await accountId(db, cashCode), memberId: null, amount });
    lines.push({ accountId: await accountId(db, equityCode), memberId: null, amount });
  }
  if (lines.length > 0) {
    await postOpeningBalances(db, { date: '2015-01-10', lines }, { ...FOUNDING, user: 'test' });
  }
}

/**
 * A cooperative whose by-law caps a member at 20 shares of 20,000 riel, with 3,000,000 riel in cash from
 * its paper books, two members, and an ordinary riel savings product with a 10,000 riel minimum.
 */
export async function srovSamboWithSavers(app: AppFixture) {
  const db = app.backend.session.db;
  const now = app.backend.session.now();
  await openSrovSambo(db, { sharePar: 20_000, shareCapPerMember: 20 }, { KHR: 3_000_000 });
  const member = (nameKm: string, nameLatin: string, sex: 'F' | 'M', joinDate: string) =>
    createMember(
      db,
      {
        nameKm,
        nameLatin,
        sex,
        joinDate,
        birthDate: '',
        nationalId: '',
        phone: '',
        village: 'ព្រៃខ្លា',
        commune: 'ព្រះស្តេច',
        nextOfKin: '',
        notes: '',
      },
      now,
    );
  await member('សុខ ស្រីមុំ', 'Sok Sreymom', 'F', '2020-06-05');
  await member('ចាន់ ដារ៉ា', 'Chan Dara', 'M', '2021-03-01');
  await createProduct(
    db,
    {
      nameKm: 'ប្រាក់សន្សំធម្មតា',
      nameEn: 'Ordinary savings',
      currency: 'KHR',
      kind: 'ordinary',
      termMonths: null,
      annualRateBp: 500,
      posting: 'monthly',
      minOpeningDeposit: 10_000,
      earlyWithdrawal: false,
      earlyPenaltyBp: 0,
    },
    now,
  );
  return db;
}
