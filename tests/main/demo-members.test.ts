import { describe, expect, it } from 'vitest';
import { createRandom, demoMembers } from '../../main/demo/members';
import {
  COMMUNES,
  DISTRICT,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  type KmLatin,
  MALE_GIVEN_NAMES,
  PROVINCE,
} from '../../main/demo/names';
import { isRealIsoDate } from '../../shared/khmer';
import { normalizeCambodianPhone } from '../../shared/phone';
import { memberInputSchema } from '../../shared/schemas';

const SPAN = { foundedOn: '2016-03-15', today: '2025-06-30' };
const members = demoMembers(3000, 42, SPAN);

// Full years on `on`, counted the way an ID card reader would: the birthday must have come.
function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function share(predicate: (m: (typeof members)[number]) => boolean): number {
  return members.filter(predicate).length / members.length;
}

// Consonants, independent vowels, dependent vowels and signs, and the coeng: no digits or punctuation.
const KHMER_WORD = /^[\u1780-\u17D2]+$/;
const KHMER_FULL_NAME = /^[\u1780-\u17D2]+ [\u1780-\u17D2]+$/;

describe('demo names', () => {
  const all: readonly KmLatin[] = [
    DISTRICT,
    PROVINCE,
    ...FAMILY_NAMES,
    ...FEMALE_GIVEN_NAMES,
    ...MALE_GIVEN_NAMES,
    ...COMMUNES,
    ...COMMUNES.flatMap((c) => c.villages),
  ];

  it('has enough names of each kind to make a varied register', () => {
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(35);
    expect(FEMALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(50);
    expect(MALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(50);
    for (const list of [FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES]) {
      expect(new Set(list.map((n) => n.km)).size).toBe(list.length);
      expect(new Set(list.map((n) => n.latin)).size).toBe(list.length);
    }
  });

  it('lists the eleven communes of Preah Sdach, each with 4 to 8 villages found in no other commune', () => {
    expect(COMMUNES.map((c) => c.latin)).toEqual([
      'Angkor Reach',
      'Banteay Chakrei',
      'Boeng Daol',
      'Chey Kampok',
      'Kampong Soeng',
      'Krang Svay',
      'Lvea',
      'Preah Sdach',
      'Reathor',
      'Rumchek',
      'Sena Reach Otdam',
    ]);
    for (const commune of COMMUNES) {
      expect(commune.villages.length).toBeGreaterThanOrEqual(4);
      expect(commune.villages.length).toBeLessThanOrEqual(8);
    }
    const villages = COMMUNES.flatMap((c) => c.villages.map((v) => v.km));
    expect(new Set(villages).size).toBe(villages.length);
  });

  it('spells every Khmer name in Khmer letters stored in a renderable order', () => {
    for (const { km, latin } of all) {
      for (const word of km.split(' ')) {
        expect(word).toMatch(KHMER_WORD);
        // A word starts with a consonant or an independent vowel, never with a mark.
        expect(word).toMatch(/^[\u1780-\u17B3]/);
        // Subscripts and register shifters are stored before the vowel; the reverse draws dotted circles.
        expect(word).not.toMatch(/[\u17B6-\u17C5][\u17C9\u17CA\u17D2]/);
      }
      expect(latin).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
    }
  });
});

describe('createRandom', () => {
  it('gives the same stream for the same seed, in [0, 1)', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom(8)()).not.toBe(createRandom(7)());
  });
});

describe('demoMembers', () => {
  it('makes the number of members asked for', () => {
    expect(members).toHaveLength(3000);
    expect(demoMembers(0, 42, SPAN)).toEqual([]);
    expect(demoMembers(1, 42, SPAN)).toHaveLength(1);
  });

  it('depends only on its arguments', () => {
    expect(demoMembers(3000, 42, SPAN)).toEqual(members);
    expect(demoMembers(3000, 43, SPAN)).not.toEqual(members);
    // A smaller register from the same seed is the start of the larger one.
    expect(demoMembers(10, 42, SPAN)).toEqual(members.slice(0, 10));
  });

  it('produces records the member form itself accepts', () => {
    for (const m of members) expect(memberInputSchema.safeParse(m).success).toBe(true);
  });

  it('has somewhat more women than men', () => {
    const women = share((m) => m.sex === 'F');
    expect(women).toBeGreaterThanOrEqual(0.53);
    expect(women).toBeLessThanOrEqual(0.63);
  });

  it('writes names family name first, in Khmer and in Latin, with a given name of the right sex', () => {
    const family = new Map(FAMILY_NAMES.map((n) => [n.km, n.latin]));
    const given = {
      F: new Map(FEMALE_GIVEN_NAMES.map((n) => [n.km, n.latin])),
      M: new Map(MALE_GIVEN_NAMES.map((n) => [n.km, n.latin])),
    };
    for (const m of members) {
      expect(m.nameKm).toMatch(KHMER_FULL_NAME);
      const [familyKm = '', givenKm = ''] = m.nameKm.split(' ');
      expect(m.nameLatin).toBe(`${family.get(familyKm)} ${given[m.sex].get(givenKm)}`);
      expect(m.notes).toBe('');
    }
  });

  it('joins every member between the founding and today, spread over the whole time', () => {
    const buckets = [0, 0, 0, 0, 0];
    const first = Date.parse(SPAN.foundedOn);
    const width = Date.parse(SPAN.today) - first + 1;
    for (const m of members) {
      expect(isRealIsoDate(m.joinDate)).toBe(true);
      expect(m.joinDate >= SPAN.foundedOn && m.joinDate <= SPAN.today).toBe(true);
      const bucket = Math.floor(((Date.parse(m.joinDate) - first) / width) * buckets.length);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const n of buckets) expect(n / members.length).toBeGreaterThan(0.15);
  });

  it('gives every member a real birth date, 18 to 75 years old on joining', () => {
    const ages = new Set<number>();
    for (const m of members) {
      expect(isRealIsoDate(m.birthDate)).toBe(true);
      const age = ageOn(m.birthDate, m.joinDate);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(75);
      ages.add(age);
    }
    // Young and old members both occur, not only the middle-aged.
    expect(Math.min(...ages)).toBeLessThanOrEqual(25);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(65);
  });

  it('keeps ages right around 29 February', () => {
    for (const day of ['2024-02-29', '2024-02-28', '2024-03-01']) {
      for (const m of demoMembers(500, 5, { foundedOn: day, today: day })) {
        expect(m.joinDate).toBe(day);
        expect(isRealIsoDate(m.birthDate)).toBe(true);
        const age = ageOn(m.birthDate, m.joinDate);
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(75);
      }
    }
  });

  it('places every member in a village of their own commune', () => {
    const villagesOf = new Map(COMMUNES.map((c) => [c.km, new Set(c.villages.map((v) => v.km))]));
    for (const m of members) expect(villagesOf.get(m.commune)?.has(m.village)).toBe(true);
    expect(new Set(members.map((m) => m.commune)).size).toBe(COMMUNES.length);
  });

  it('gives about 70% a 9-digit national ID, never the same one twice', () => {
    const ids = members.map((m) => m.nationalId).filter((id) => id !== '');
    for (const id of ids) expect(id).toMatch(/^[0-9]{9}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length / members.length).toBeGreaterThan(0.65);
    expect(ids.length / members.length).toBeLessThan(0.75);
  });

  it('gives about 60% a valid Cambodian mobile number', () => {
    const phones = members.map((m) => m.phone).filter((p) => p !== '');
    for (const phone of phones) {
      expect(phone).toMatch(/^0[0-9]{8,9}$/);
      expect(normalizeCambodianPhone(phone)).toBe(phone);
    }
    expect(new Set(phones.map((p) => p.length))).toEqual(new Set([9, 10]));
    expect(phones.length / members.length).toBeGreaterThan(0.55);
    expect(phones.length / members.length).toBeLessThan(0.65);
  });

  it('names a next of kin for about half, as a Khmer full name', () => {
    const kin = members.map((m) => m.nextOfKin).filter((k) => k !== '');
    for (const k of kin) expect(k).toMatch(KHMER_FULL_NAME);
    expect(kin.length / members.length).toBeGreaterThan(0.45);
    expect(kin.length / members.length).toBeLessThan(0.55);
  });

  it('refuses dates that are not real or in the wrong order', () => {
    expect(() => demoMembers(1, 1, { foundedOn: '2025-02-30', today: '2025-06-30' })).toThrow(RangeError);
    expect(() => demoMembers(1, 1, { foundedOn: '2025-07-01', today: '2025-06-30' })).toThrow(RangeError);
    expect(() => demoMembers(-1, 1, SPAN)).toThrow(RangeError);
  });

  it('makes 3000 members in well under 100 ms', () => {
    demoMembers(3000, 1, SPAN);
    const start = performance.now();
    demoMembers(3000, 2, SPAN);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
