import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { createItem, createSupplier } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { postInputSale } from '../../main/inputs/sales';
import { accountByRole } from '../../main/ledger/accounts';
import { closeMonth } from '../../main/ledger/months';
import { postOpeningBalances } from '../../main/ledger/opening';
import { type Actor, post } from '../../main/ledger/posting';
import { createMeeting } from '../../main/meetings/meetings';
import { createMember } from '../../main/members/register';
import { openSavingsAccount } from '../../main/savings/accounts';
import { createProduct } from '../../main/savings/products';
import { purchaseShares } from '../../main/shares/shares';
import { DomainError } from '../../shared/errors';
import { type Meeting, type MeetingInput, meetingInputSchema } from '../../shared/meetings';
import { blankCooperative, type Member, memberInputSchema } from '../../shared/schemas';

// A small cooperative's books over 2024 and 2025 for the meetings and year-end tests: six members, shares,
// input sales (the members' business), service income and expenses, and every month closed up to a day.

export const ACTOR: Actor = { today: '2026-03-20', timestamp: '2026-03-20T03:00:00.000Z', user: 'លី ចន្ធូ' };

export const NAMES = ['សុខ សុភ័ក្រ', 'ចាន់ ស្រីមុំ', 'ហេង សុភា', 'គឹម វណ្ណា', 'លី ចន្ធូ', 'ម៉ៅ ដារ៉ា'] as const;

type Db = OpenedDatabase['db'];

export interface Books {
  opened: OpenedDatabase;
  dir: string;
  members: Member[];
  close(): Promise<void>;
}

/** The six members, all joined on 1 January 2024. */
export async function addMembers(db: Db): Promise<Member[]> {
  const members: Member[] = [];
  for (const [index, nameKm] of NAMES.entries()) {
    members.push(
      await createMember(
        db,
        memberInputSchema.parse({
          nameKm,
          nameLatin: '',
          sex: index % 2 === 0 ? 'M' : 'F',
          birthDate: '',
          nationalId: '',
          phone: '',
          village: 'ព្រៃខ្លា',
          commune: '',
          joinDate: '2024-01-01',
          nextOfKin: '',
          notes: '',
        }),
        ACTOR,
      ),
    );
  }
  return members;
}

export async function openBooks(): Promise<Books> {
  const dir = mkdtempSync(join(tmpdir(), 'sahakum-yearend-'));
  const opened = await openDatabase(join(dir, 'books.db'));
  const db = opened.db;
  await createCooperative(
    db,
    {
      ...blankCooperative,
      nameKm: 'សហគមន៍កសិកម្ម ព្រៃខ្លា',
      foundedOn: '2024-01-01',
      chair: 'សុខ សុភ័ក្រ',
      bookkeeper: 'លី ចន្ធូ',
      sharePar: 20_000,
    },
    ACTOR,
  );
  const members = await addMembers(db);
  return {
    opened,
    dir,
    members,
    async close() {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const role = async (db: Db, name: string) => (await accountByRole(db, name)).id;

/** Shares, a savings account for the first three, input sales and a year's income and expenses in `year`. */
export async function writeYear(db: Db, members: readonly Member[], year: number, scale = 1): Promise<void> {
  const cash = await role(db, 'cash_khr');
  const [a, b, c, d] = members as [Member, Member, Member, Member];
  if (year === 2024) {
    await postOpeningBalances(
      db,
      {
        date: '2024-01-02',
        lines: [
          { accountId: cash, memberId: null, amount: 50_000_000 },
          { accountId: await role(db, 'opening_khr'), memberId: null, amount: 50_000_000 },
        ],
      },
      ACTOR,
    );
    for (const [member, shares] of [
      [a, 5],
      [b, 3],
      [c, 2],
    ] as const) {
      await purchaseShares(
        db,
        { memberId: member.id, date: '2024-01-05', shares, cashAccountId: cash },
        ACTOR,
      );
    }
    const product = await createProduct(
      db,
      {
        nameKm: 'សន្សំធម្មតា',
        nameEn: 'Ordinary savings',
        currency: 'KHR',
        kind: 'ordinary',
        termMonths: null,
        annualRateBp: 0,
        posting: 'yearly',
        minOpeningDeposit: 0,
        earlyWithdrawal: false,
        earlyPenaltyBp: 0,
      },
      ACTOR,
    );
    for (const member of [a, b, c]) {
      await openSavingsAccount(
        db,
        {
          memberId: member.id,
          productId: product.id,
          date: '2024-01-06',
          amount: 10_000,
          cashAccountId: cash,
        },
        ACTOR,
      );
    }
  }
  const stock = await role(db, 'input_stock');
  const income = await role(db, 'input_sales');
  const item = await createItem(
    db,
    {
      nameKm: `ជីអ៊ុយរ៉េ ${year}`,
      nameLatin: '',
      unit: 'bag50',
      salePrice: 115_000,
      stockAccountId: stock,
      incomeAccountId: income,
    },
    ACTOR,
  );
  const supplier = await createSupplier(db, { name: `ហាងជី ${year}`, phone: '', village: '' }, ACTOR);
  await postPurchase(
    db,
    {
      supplierId: supplier.id,
      date: `${year}-03-01`,
      payment: 'cash',
      currency: 'KHR',
      cashAccountId: cash,
      rate: null,
      reference: '',
      lines: [{ itemId: item.id, quantity: 40_000, unitCost: 100_000 }],
    },
    ACTOR,
  );
  for (const [member, bags] of [
    [a, 10],
    [b, 4],
    [d, 6],
  ] as const) {
    await postInputSale(
      db,
      {
        memberId: member.id,
        date: `${year}-04-10`,
        payment: 'cash',
        cashAccountId: cash,
        dueDate: null,
        charge: { kind: 'none' },
        lines: [{ itemId: item.id, quantity: bags * 1000, unitPrice: 115_000 }],
      },
      ACTOR,
    );
  }
  // Service fees and an allowance: a surplus of (2,000,000 − 700,000) × scale, plus the inputs' margin.
  await post(
    db,
    {
      date: `${year}-06-15`,
      kind: 'voucher',
      memo: 'កម្រៃសេវា',
      lines: [
        { accountId: cash, currency: 'KHR', amount: 2_000_000 * scale },
        { accountId: await role(db, 'service_fees'), currency: 'KHR', amount: -2_000_000 * scale },
      ],
    },
    ACTOR,
  );
  await post(
    db,
    {
      date: `${year}-07-15`,
      kind: 'voucher',
      memo: 'ប្រាក់ឧបត្ថម្ភ',
      lines: [
        { accountId: await role(db, 'allowances'), currency: 'KHR', amount: 700_000 },
        { accountId: cash, currency: 'KHR', amount: -700_000 },
      ],
    },
    ACTOR,
  );
}

/** Closes every month from January 2024 to `last` (YYYY-MM), as the board does each month. */
export async function closeMonthsTo(db: Db, last: string): Promise<void> {
  for (let year = 2024, month = 1; ; month++) {
    if (month > 12) {
      year++;
      month = 1;
    }
    const m = `${year}-${String(month).padStart(2, '0')}`;
    if (m > last) return;
    await closeMonth(db, m, ACTOR);
  }
}

export function meetingInput(overrides: Partial<MeetingInput>): MeetingInput {
  return meetingInputSchema.parse({
    kind: 'general_assembly',
    date: '2026-02-14',
    time: '08:00',
    place: 'សាលាឃុំព្រៃខ្លា',
    chairName: 'សុខ សុភ័ក្រ',
    secretaryName: 'លី ចន្ធូ',
    held: true,
    agenda: [
      {
        title: 'អនុម័តរបាយការណ៍ហិរញ្ញវត្ថុ និងការបែងចែកប្រាក់ចំណេញ',
        discussion: '',
        decision: 'អនុម័តជាឯកច្ឆន្ទ',
        votesFor: 0,
        votesAgainst: 0,
        votesAbstain: 0,
      },
    ],
    attendees: [],
    ...overrides,
  });
}

/** A general assembly with these members present in person (and no one else). */
export function assembly(db: Db, date: string, present: readonly Member[]): Promise<Meeting> {
  return createMeeting(
    db,
    meetingInput({
      date,
      attendees: present.map((m) => ({
        memberId: m.id,
        guestName: '',
        role: '',
        isBoard: false,
        proxyForMemberIds: [],
      })),
    }),
    ACTOR,
  );
}

export async function refusal(work: Promise<unknown>): Promise<DomainError['error']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}
