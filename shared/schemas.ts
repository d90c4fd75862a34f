import { z } from 'zod';
import { isRealIsoDate, toLatinDigits } from './khmer';
import { normalizeCambodianPhone } from './phone';
import { optionalText, requiredText, TEXT_LIMITS } from './text';
import { LOCK_MINUTES } from './users';

// Every message below is an ErrorCode (shared/errors.ts): the renderer turns it into a sentence in the
// user's language, naming the field; the main process returns it as the error of a refused call.
export const isoDate = z.string('required').trim().min(1, 'required').refine(isRealIsoDate, 'date_invalid');
const optionalIsoDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isRealIsoDate(v), 'date_invalid');

// Nothing chosen is 'required'; something else typed (an import file's cell) is 'validation'.
export const sexSchema = z.enum(['F', 'M'], {
  error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'validation'),
});
export type Sex = z.infer<typeof sexSchema>;
export const memberStatusSchema = z.enum(['active', 'left', 'deceased']);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const nationalIdSchema = optionalText(20).refine(
  (v) => v === '' || /^[0-9A-Za-z]{6,20}$/.test(toLatinDigits(v)),
  'national_id_invalid',
);
export const phoneSchema = optionalText(30).refine(
  (v) => v === '' || normalizeCambodianPhone(v) !== null,
  'phone_invalid',
);

// A name in Khmer letters has Khmer letters and no Latin ones ("abc123" is refused); a name in Latin
// letters has no Khmer.
const khmerName = requiredText(TEXT_LIMITS.personName).refine(
  // An empty name is refused once, as required.
  (v) => v === '' || (/[\u1780-\u17DD]/.test(v) && !/[A-Za-z]/.test(v)),
  'khmer_letters_only',
);
const latinName = optionalText(TEXT_LIMITS.personName).refine(
  (v) => !/[\u1780-\u17FF]/.test(v),
  'latin_letters_only',
);

export const memberInputSchema = z.object({
  nameKm: khmerName,
  nameLatin: latinName,
  sex: sexSchema,
  birthDate: optionalIsoDate,
  nationalId: nationalIdSchema,
  phone: phoneSchema,
  village: optionalText(TEXT_LIMITS.place),
  commune: optionalText(TEXT_LIMITS.place),
  joinDate: isoDate,
  nextOfKin: optionalText(TEXT_LIMITS.name),
  notes: optionalText(TEXT_LIMITS.notes),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const memberIdSchema = z.number().int().positive();

export const memberUpdateSchema = memberInputSchema.extend({ id: memberIdSchema });
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

export const memberExitSchema = z.object({
  id: memberIdSchema,
  status: z.enum(['left', 'deceased']),
  exitDate: isoDate,
  reason: optionalText(TEXT_LIMITS.memo),
});
export type MemberExit = z.infer<typeof memberExitSchema>;

export const memberQuerySchema = z.object({
  text: z.string().max(100),
  status: z.enum(['all', 'active', 'left', 'deceased']),
  sex: z.enum(['all', 'F', 'M']),
  sort: z.enum(['number', 'name']),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

export interface Member extends MemberInput {
  id: number;
  number: number;
  status: MemberStatus;
  exitDate: string;
  exitReason: string;
}

/** One row of the register list: what the list shows, nothing more. */
export type MemberRow = Pick<
  Member,
  'id' | 'number' | 'nameKm' | 'nameLatin' | 'sex' | 'village' | 'commune' | 'joinDate' | 'status' | 'phone'
>;

export const cooperativeInputSchema = z.object({
  nameKm: requiredText(TEXT_LIMITS.name),
  nameLatin: optionalText(TEXT_LIMITS.name),
  registrationNumber: optionalText(50),
  registrationDate: optionalIsoDate,
  foundedOn: isoDate,
  village: optionalText(TEXT_LIMITS.place),
  commune: optionalText(TEXT_LIMITS.place),
  district: optionalText(TEXT_LIMITS.place),
  province: optionalText(TEXT_LIMITS.place),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  sharePar: z.number('required').int('validation').positive('validation').max(1_000_000_000, 'validation'),
  shareCapPerMember: z.number().int('validation').min(0, 'validation').max(1_000_000, 'validation'),
  /** The by-law's other kind of cap: no member above this percentage of all shares (0 = none). */
  shareCapPercent: z.number().int('validation').min(0, 'validation').max(100, 'validation'),
  chair: optionalText(TEXT_LIMITS.personName),
  viceChair: optionalText(TEXT_LIMITS.personName),
  treasurer: optionalText(TEXT_LIMITS.personName),
  bookkeeper: optionalText(TEXT_LIMITS.personName),
  internalControl: optionalText(TEXT_LIMITS.personName),
  reportDigits: z.enum(['khmer', 'latin']),
  /** Minutes untouched before the app locks itself. */
  lockMinutes: z
    .number('required')
    .int('validation')
    .min(LOCK_MINUTES.min, 'validation')
    .max(LOCK_MINUTES.max, 'validation'),
});
export type CooperativeInput = z.infer<typeof cooperativeInputSchema>;

/** A profile before anything is typed: the wizard's starting point and the CLI's defaults. */
export const blankCooperative: CooperativeInput = {
  nameKm: '',
  nameLatin: '',
  registrationNumber: '',
  registrationDate: '',
  foundedOn: '',
  village: '',
  commune: '',
  district: '',
  province: '',
  fiscalYearStartMonth: 1,
  sharePar: 20_000,
  shareCapPerMember: 0,
  shareCapPercent: 0,
  chair: '',
  viceChair: '',
  treasurer: '',
  bookkeeper: '',
  internalControl: '',
  reportDigits: 'khmer',
  lockMinutes: LOCK_MINUTES.default,
};
export type Cooperative = CooperativeInput;
