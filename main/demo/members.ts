import type { MemberInput } from '../../shared/schemas';
import { COMMUNES, FAMILY_NAMES, FEMALE_GIVEN_NAMES, type KmLatin, MALE_GIVEN_NAMES } from './names';

const DAY_MS = 86_400_000;
const WOMEN_SHARE = 0.58;
const NATIONAL_ID_SHARE = 0.7;
const PHONE_SHARE = 0.6;
const NEXT_OF_KIN_SHARE = 0.5;
const MIN_AGE = 18;
const MAX_AGE = 75;

// Operator prefixes of Cambodian mobile networks. The newer ranges carry 7 subscriber digits, the older
// ones 6, so a demo number looks like the ones people really have.
const MOBILE_PREFIXES: readonly string[] =
  '10 11 12 15 16 17 61 69 70 76 77 78 81 85 86 87 89 92 93 95 96 97 98 99'.split(' ');
const SEVEN_DIGIT_PREFIXES: ReadonlySet<string> = new Set(['76', '96', '97']);

/** mulberry32: tiny, fast and good enough for demo data; the same seed always gives the same stream. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parseIso(iso: string, what: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (ymd === null || toIso(dayNumber(ymd.year, ymd.month, ymd.day)) !== iso) {
    throw new RangeError(`${what} is not a real ISO date: '${iso}'`);
  }
  return ymd;
}

// Days since 1970-01-01, so that date arithmetic is whole-number arithmetic. (Date.UTC would read years
// 0..99 as 1900..1999; parseIso's round trip refuses such spans, and no birth year goes back that far.)
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function ymdOf(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

// Built by hand: toISOString costs more than the rest of a member put together.
function toIso(day: number): string {
  const { year, month, day: dd } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dd < 10 ? '0' : ''}${dd}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

// The day `years` before `date` on the calendar; 29 February falls back to the 28th in a common year so
// that someone born then is not counted a year older than they are.
function yearsBefore(date: Ymd, years: number): number {
  const year = date.year - years;
  return dayNumber(year, date.month, Math.min(date.day, daysInMonth(year, date.month)));
}

export function demoMembers(
  count: number,
  seed: number,
  span: { foundedOn: string; today: string },
): MemberInput[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  const first = parseIso(span.foundedOn, 'foundedOn');
  const last = parseIso(span.today, 'today');
  const firstDay = dayNumber(first.year, first.month, first.day);
  const lastDay = dayNumber(last.year, last.month, last.day);
  if (firstDay > lastDay) throw new RangeError(`foundedOn ${span.foundedOn} is after today ${span.today}`);

  const random = createRandom(seed);
  const int = (below: number): number => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(int(10));
    return s;
  };
  const fullName = (family: KmLatin, given: KmLatin) => ({
    km: `${family.km} ${given.km}`,
    latin: `${family.latin} ${given.latin}`,
  });

  // Real registers never show the same ID card twice, and a shared phone would look like a data error.
  const nationalIds = new Set<string>();
  const phones = new Set<string>();
  const uniqueNationalId = (): string => {
    for (;;) {
      const id = digits(9);
      if (!nationalIds.has(id)) {
        nationalIds.add(id);
        return id;
      }
    }
  };
  const uniquePhone = (): string => {
    for (;;) {
      const prefix = pick(MOBILE_PREFIXES);
      // A subscriber number starting with 0 does not occur in practice.
      const phone = `0${prefix}${1 + int(9)}${digits(SEVEN_DIGIT_PREFIXES.has(prefix) ? 6 : 5)}`;
      if (!phones.has(phone)) {
        phones.add(phone);
        return phone;
      }
    }
  };

  const members: MemberInput[] = [];
  for (let i = 0; i < count; i++) {
    const sex = random() < WOMEN_SHARE ? 'F' : 'M';
    const name = fullName(pick(FAMILY_NAMES), pick(sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES));
    const commune = pick(COMMUNES);
    const village = pick(commune.villages);

    const joinDay = firstDay + int(lastDay - firstDay + 1);
    const join = ymdOf(joinDay);
    // Averaging two draws leans ages towards the middle, as in a farmers' cooperative; the birth day is
    // then anywhere in the year of life that gives exactly that age on the join date.
    const age = MIN_AGE + Math.floor(((random() + random()) / 2) * (MAX_AGE - MIN_AGE + 1));
    const latestBirth = yearsBefore(join, age);
    const earliestBirth = yearsBefore(join, age + 1) + 1;
    const birthDay = earliestBirth + int(latestBirth - earliestBirth + 1);

    const kinSex = random() < 0.5 ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
    members.push({
      nameKm: name.km,
      nameLatin: name.latin,
      sex,
      birthDate: toIso(birthDay),
      nationalId: random() < NATIONAL_ID_SHARE ? uniqueNationalId() : '',
      phone: random() < PHONE_SHARE ? uniquePhone() : '',
      village: village.km,
      commune: commune.km,
      joinDate: toIso(joinDay),
      nextOfKin: random() < NEXT_OF_KIN_SHARE ? fullName(pick(FAMILY_NAMES), pick(kinSex)).km : '',
      notes: '',
    });
  }
  return members;
}
