import { z } from 'zod';
import { isoDate } from './schemas';
import { optionalText, requiredText, TEXT_LIMITS } from './text';

// Meetings (SPEC 2.8) and the by-law rules they and the year close follow: what the screens send, what
// the main process checks, and the quorum arithmetic both sides show.

const id = z.number().int().positive();
const count = z.number('validation').int('validation').min(0, 'validation').max(100_000, 'validation');

/** "More than half" is { numerator 1, denominator 2, strict }; "at least two thirds" is { 2, 3, not strict }. */
export const quorumRuleSchema = z.strictObject({
  numerator: z.number('validation').int('validation').min(1, 'validation').max(99, 'validation'),
  denominator: z.number('validation').int('validation').min(1, 'validation').max(100, 'validation'),
  strict: z.boolean(),
});
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

const percent = z.number('validation').int('validation').min(0, 'validation').max(100, 'validation');

/** The by-law's settings, kept with the cooperative's profile. Percentages of the year's surplus add up to 100. */
export const bylawsSchema = z
  .strictObject({
    assemblyQuorum: quorumRuleSchema,
    boardQuorum: quorumRuleSchema,
    /** How many members the board has: what a board meeting's quorum counts against. */
    boardSize: z.number('validation').int('validation').min(1, 'validation').max(50, 'validation'),
    proxiesAllowed: z.boolean(),
    /** How many absent members one person present may represent. */
    proxiesPerPerson: z.number('validation').int('validation').min(1, 'validation').max(10, 'validation'),
    reservePercent: percent,
    developmentPercent: percent,
    socialPercent: percent,
    dividendPercent: percent,
    patronagePercent: percent,
  })
  .refine(
    (b) =>
      b.reservePercent + b.developmentPercent + b.socialPercent + b.dividendPercent + b.patronagePercent ===
      100,
    { message: 'percentages_not_100', path: ['reservePercent'] },
  )
  .refine((b) => b.assemblyQuorum.numerator <= b.assemblyQuorum.denominator, {
    message: 'validation',
    path: ['assemblyQuorum', 'numerator'],
  })
  .refine((b) => b.boardQuorum.numerator <= b.boardQuorum.denominator, {
    message: 'validation',
    path: ['boardQuorum', 'numerator'],
  });
export type Bylaws = z.infer<typeof bylawsSchema>;

/** A by-law as the model by-law of Cambodian agricultural cooperatives words it, until the cooperative sets its own. */
export const DEFAULT_BYLAWS: Bylaws = {
  assemblyQuorum: { numerator: 1, denominator: 2, strict: true },
  boardQuorum: { numerator: 2, denominator: 3, strict: false },
  boardSize: 5,
  proxiesAllowed: true,
  proxiesPerPerson: 1,
  reservePercent: 20,
  developmentPercent: 10,
  socialPercent: 10,
  dividendPercent: 30,
  patronagePercent: 30,
};

export const MEETING_KINDS = ['board', 'general_assembly', 'member'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const agendaItemSchema = z.strictObject({
  title: requiredText(TEXT_LIMITS.reference),
  discussion: optionalText(TEXT_LIMITS.notes),
  decision: optionalText(TEXT_LIMITS.memo),
  /** Votes on the decision; all zero when nothing was put to a vote. */
  votesFor: count,
  votesAgainst: count,
  votesAbstain: count,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** One person at the meeting: a member (a board member at a board meeting), or a guest by name. */
export const attendeeSchema = z.strictObject({
  memberId: id.nullable(),
  guestName: optionalText(TEXT_LIMITS.personName),
  /** A guest's role ("commune chief", "NGO trainer"), or a member's office. */
  role: optionalText(TEXT_LIMITS.personName),
  isBoard: z.boolean(),
  /** Absent members this member holds a written proxy for. */
  proxyForMemberIds: z.array(id).max(10),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const meetingInputSchema = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  date: isoDate,
  time: z
    .string()
    .trim()
    .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'validation'),
  place: requiredText(TEXT_LIMITS.place),
  chairName: optionalText(TEXT_LIMITS.personName),
  secretaryName: optionalText(TEXT_LIMITS.personName),
  /** Held meetings have their attendance and decisions recorded; planned ones print a blank sheet. */
  held: z.boolean(),
  agenda: z.array(agendaItemSchema).min(1, 'required').max(40),
  attendees: z.array(attendeeSchema).max(5000),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;
export const meetingUpdateSchema = meetingInputSchema.extend({ id });
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

export interface Quorum {
  /** Who the rule counts: active members at the meeting's date, or the board's seats. */
  eligible: number;
  /** Those present in person who count, plus the absent they represent by proxy. */
  present: number;
  proxies: number;
  /** The fewest present that meets the rule. */
  needed: number;
  met: boolean;
}

export interface AttendeeView extends Attendee {
  memberNumber: number | null;
  name: string;
  proxyFor: { memberId: number; number: number; nameKm: string }[];
}

export interface Meeting extends Omit<MeetingInput, 'attendees'> {
  id: number;
  number: string;
  attendees: AttendeeView[];
  /** Null for a member meeting, which the by-law sets no quorum for. */
  quorum: Quorum | null;
  /** The year close this general assembly approved, if any: then the meeting can no longer change. */
  approvesYear: number | null;
}

export interface MeetingRow {
  id: number;
  number: string;
  kind: MeetingKind;
  date: string;
  place: string;
  held: boolean;
  attendees: number;
  quorumMet: boolean | null;
}

/** The fewest of `eligible` that meet the rule: more than (strict) or at least numerator/denominator of them. */
export function quorumNeeded(rule: QuorumRule, eligible: number): number {
  const product = eligible * rule.numerator;
  const atLeast = Math.ceil(product / rule.denominator);
  // Integer arithmetic decides the edge: 10 of 20 is exactly half, which is not more than half.
  return rule.strict && product % rule.denominator === 0 ? atLeast + 1 : atLeast;
}

export function quorumOf(rule: QuorumRule, eligible: number, inPerson: number, proxies: number): Quorum {
  const needed = Math.max(1, quorumNeeded(rule, eligible));
  const present = inPerson + proxies;
  return { eligible, present, proxies, needed, met: present >= needed };
}
