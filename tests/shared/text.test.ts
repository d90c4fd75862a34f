import { describe, expect, it } from 'vitest';
import { cooperativeInputSchema, memberInputSchema } from '../../shared/schemas';
import { graphemeCount, TEXT_LIMITS } from '../../shared/text';
import { issueCode, issueError } from '../../shared/validation';

const member = {
  nameKm: 'សុខ ស្រីរ័ត្ន',
  nameLatin: 'Sok Sreyrath',
  sex: 'F',
  birthDate: '',
  nationalId: '',
  phone: '',
  village: 'ស្វាយ',
  commune: 'ព្រះស្តេច',
  joinDate: '2021-03-15',
  nextOfKin: '',
  notes: '',
};

/** A village written out in full with its commune, district, province and kingdom: 89 UTF-16 code units. */
const LONG_PLACE = 'ភូមិត្រពាំងស្រែក្រោមខាងជើង ឃុំព្រះស្តេច ស្រុកព្រះស្តេច ខេត្តព្រៃវែង ព្រះរាជាណាចក្រកម្ពុជា';

describe('text limits', () => {
  it('count what a reader sees, not UTF-16 code units', () => {
    // ICU 76 and later keep a Khmer consonant with its subscripts in one cluster (Unicode 16).
    expect(graphemeCount('ស្ត្រី')).toBe(1);
    expect('ស្ត្រី'.length).toBe(6);
    expect(graphemeCount('👩‍🌾')).toBe(1);
    expect(graphemeCount(LONG_PLACE)).toBe(39);
    expect(LONG_PLACE.length).toBe(89);
  });

  it('let a long real place name and a long note through', () => {
    const note = 'សមាជិកទាំងអស់ត្រូវចូលរួមកិច្ចប្រជុំប្រចាំខែ នៅថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥ វេលាម៉ោង ៨:០០ ព្រឹក។ '.repeat(12);
    expect(note.length).toBeGreaterThan(1000);
    const parsed = memberInputSchema.safeParse({
      ...member,
      village: LONG_PLACE,
      commune: LONG_PLACE,
      notes: note,
    });
    expect(parsed.success).toBe(true);
  });

  it('refuse one character over the limit, naming the field and the limit', () => {
    const village = 'ក'.repeat(TEXT_LIMITS.place + 1);
    const at = memberInputSchema.safeParse({ ...member, village: 'ក'.repeat(TEXT_LIMITS.place) });
    expect(at.success).toBe(true);
    const over = memberInputSchema.safeParse({ ...member, village });
    expect(over.success).toBe(false);
    if (over.success) return;
    expect(issueError(over.error.issues)).toEqual({
      code: 'too_long',
      field: 'village',
      params: { max: 100 },
    });
    expect(issueCode(over.error.issues[0] as (typeof over.error.issues)[number])).toBe('too_long');
  });

  it('are the same for the cooperative profile, where a missing name is still required', () => {
    const blank = cooperativeInputSchema.shape.nameKm.safeParse('  ');
    expect(blank.success ? null : issueError(blank.error.issues)).toEqual({ code: 'required' });
    const long = cooperativeInputSchema.shape.province.safeParse('ខ'.repeat(101));
    expect(long.success ? null : issueError(long.error.issues)).toEqual({
      code: 'too_long',
      params: { max: 100 },
    });
  });
});
