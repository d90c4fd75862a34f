import type { Kysely } from 'kysely';
import type { CooperativeInput } from '../../shared/schemas';
import { createCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { insertMember, type Now } from '../members/register';
import { demoMembers } from './members';
import { COMMUNES, DISTRICT, PROVINCE } from './names';

/** A founding date ten years before today, so that the demo has a history to show. */
function demoFoundingDate(today: string): string {
  return `${Number(today.slice(0, 4)) - 10}-03-15`;
}

export function demoCooperativeProfile(today: string): CooperativeInput {
  const commune = COMMUNES.find((c) => c.latin === 'Preah Sdach') ?? COMMUNES[0];
  const village = commune?.villages[0];
  return {
    nameKm: 'សហគមន៍កសិកម្ម ព្រះស្តេច សាមគ្គី',
    nameLatin: 'Preah Sdach Samaki Agricultural Cooperative',
    registrationNumber: 'PV-0427',
    registrationDate: demoFoundingDate(today),
    foundedOn: demoFoundingDate(today),
    village: village?.km ?? '',
    commune: commune?.km ?? '',
    district: DISTRICT.km,
    province: PROVINCE.km,
    fiscalYearStartMonth: 1,
    sharePar: 20_000,
    shareCapPerMember: 50,
    chair: 'សុខ សុភ័ក្រ',
    viceChair: 'ចាន់ ស្រីមុំ',
    treasurer: 'ហេង សុភា',
    bookkeeper: 'លី ចន្ធូ',
    internalControl: 'គឹម វណ្ណា',
    reportDigits: 'khmer',
  };
}

/** Writes a whole demo cooperative in one transaction: a demo is there completely or not at all. */
export async function createDemoCooperative(
  db: Kysely<Database>,
  options: { members: number; seed: number; now: Now },
): Promise<void> {
  const profile = demoCooperativeProfile(options.now.today);
  const members = demoMembers(options.members, options.seed, {
    foundedOn: profile.foundedOn,
    today: options.now.today,
  });
  await db.transaction().execute(async (trx) => {
    await createCooperative(trx, profile, options.now, { demo: true });
    for (const member of members) await insertMember(trx, member, options.now);
  });
}
