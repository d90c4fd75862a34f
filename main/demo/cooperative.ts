import type { Kysely } from 'kysely';
import type { CooperativeInput, Member } from '../../shared/schemas';
import { createCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { insertMember, type Now } from '../members/register';
import { writeDemoInputs } from './inputs-history';
import { closeDemoMonths, type DemoLedgerSummary, writeDemoLedger } from './ledger-history';
import { demoFoundingDate } from './ledger-setup';
import { writeDemoMeetings } from './meetings-history';
import { demoMembers } from './members';
import { COMMUNES, DISTRICT, PROVINCE } from './names';
import { writeDemoSales } from './sales-history';
import { writeDemoUsers } from './users';

/** The app's one-button demo: enough history for every statement and six input seasons, opened in a few seconds. */
export const DEMO_YEARS = 3;

export function demoCooperativeProfile(today: string, years = DEMO_YEARS): CooperativeInput {
  const commune = COMMUNES.find((c) => c.latin === 'Preah Sdach') ?? COMMUNES[0];
  const village = commune?.villages[0];
  return {
    nameKm: 'សហគមន៍កសិកម្ម ព្រះស្តេច សាមគ្គី',
    nameLatin: 'Preah Sdach Samaki Agricultural Cooperative',
    registrationNumber: 'PV-0427',
    registrationDate: demoFoundingDate(today, years),
    foundedOn: demoFoundingDate(today, years),
    village: village?.km ?? '',
    commune: commune?.km ?? '',
    district: DISTRICT.km,
    province: PROVINCE.km,
    fiscalYearStartMonth: 1,
    sharePar: 20_000,
    shareCapPerMember: 50,
    shareCapPercent: 0,
    chair: 'សុខ សុភ័ក្រ',
    viceChair: 'ចាន់ ស្រីមុំ',
    treasurer: 'ហេង សុភា',
    bookkeeper: 'លី ចន្ធូ',
    internalControl: 'គឹម វណ្ណា',
    reportDigits: 'khmer',
    lockMinutes: 10,
  };
}

async function countLedger(db: Kysely<Database>) {
  const entries = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const lines = await db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { entries: entries?.n ?? 0, lines: lines?.n ?? 0 };
}

/**
 * Writes a demo cooperative founded `years` before today: its register in one transaction, then its
 * savings products and the books of those years a month per transaction, with the members' accounts,
 * share certificates and interest runs beside them. A demo lives in a file of its own that is made afresh
 * each time, so a failure half-way leaves nothing anyone keeps.
 */
export async function createDemoCooperative(
  db: Kysely<Database>,
  options: { members: number; seed: number; now: Now; years?: number },
): Promise<DemoLedgerSummary & { members: number }> {
  const years = options.years ?? DEMO_YEARS;
  const profile = demoCooperativeProfile(options.now.today, years);
  const inputs = demoMembers(options.members, options.seed, {
    foundedOn: profile.foundedOn,
    today: options.now.today,
  });
  const members = await db.transaction().execute(async (trx) => {
    await createCooperative(trx, profile, options.now, { demo: true });
    const inserted: Member[] = [];
    for (const input of inputs) inserted.push(await insertMember(trx, input, options.now));
    return inserted;
  });
  await writeDemoUsers(db, options.now.timestamp);
  const actor = { ...options.now, user: profile.bookkeeper };
  const books = await writeDemoLedger(db, {
    seed: options.seed,
    years,
    members,
    today: options.now.today,
    actor,
    keepMonthsOpen: true,
  });
  const before = await countLedger(db);
  await writeDemoInputs(db, {
    seed: options.seed,
    members,
    founded: profile.foundedOn,
    today: options.now.today,
    actor,
  });
  await writeDemoSales(db, {
    seed: options.seed,
    members,
    founded: profile.foundedOn,
    today: options.now.today,
    actor,
  });
  await writeDemoMeetings(db, {
    members,
    founded: profile.foundedOn,
    today: options.now.today,
    actor,
    seed: options.seed,
  });
  const after = await countLedger(db);
  await closeDemoMonths(db, profile.foundedOn, options.now.today, actor);
  return {
    members: members.length,
    entries: books.entries + after.entries - before.entries,
    lines: books.lines + after.lines - before.lines,
  };
}
