import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCooperative } from '../../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import { createDemoCooperative } from '../../../main/demo/cooperative';
import { createMember } from '../../../main/members/register';
import { blankCooperative, type CooperativeInput } from '../../../shared/schemas';
import { preyKhla } from '../../support/cooperative';

export const NOW = { today: '2026-11-20', timestamp: '2026-11-20T03:00:00.000Z' };
export const AT = new Date('2026-11-20T03:00:00.000Z');

export function scratchDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sahakum-backup-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small cooperative with a year of demo books (members, shares, savings, inputs). */
export async function demoBooks(file: string, members = 12): Promise<OpenedDatabase> {
  const opened = await openDatabase(file);
  await createDemoCooperative(opened.db, { members, seed: 7, now: NOW, years: 1 });
  return opened;
}

/** Prey Khla with two members and no money yet. */
export async function preyKhlaBooks(
  file: string,
  profile: CooperativeInput = preyKhla,
): Promise<OpenedDatabase> {
  const opened = await openDatabase(file);
  await createCooperative(opened.db, profile, NOW);
  for (const nameKm of ['សុខ ស្រីនាង', 'ចាន់ ដារា']) await addMember(opened, nameKm);
  return opened;
}

export const addMember = (opened: OpenedDatabase, nameKm: string) =>
  createMember(opened.db, { ...blankMember, nameKm, joinDate: '2026-11-01' }, NOW);

const blankMember = {
  nameKm: '',
  nameLatin: '',
  sex: 'F' as const,
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  joinDate: '',
  nextOfKin: '',
  notes: '',
};

export const anotherCooperative: CooperativeInput = {
  ...blankCooperative,
  nameKm: 'សហគមន៍កសិកម្ម អូរស្វាយ',
  registrationNumber: 'KC-0012',
  foundedOn: '2018-06-01',
};
