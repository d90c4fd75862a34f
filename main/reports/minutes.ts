// The minutes of a meeting as a printed report: when and where, who chaired and who took the minutes, the
// attendance with the quorum the by-law asks for, then each agenda item with its discussion, decision and
// votes, signed by the chair and the secretary. Read from the same record the meeting screen shows.

import type { Kysely } from 'kysely';
import { formatDateText, formatNumber, withDigits } from '../../shared/khmer';
import type { Meeting, MeetingKind, Quorum } from '../../shared/meetings';
import type { Database } from '../db/schema';
import { getMeeting } from '../meetings/meetings';
import { type ReportContext, type ReportOptions, renderFramed } from './common';
import type { Lang } from './frame';
import type { Block } from './layout';

export const MEETING_WORDS = {
  km: {
    kind: {
      board: 'កិច្ចប្រជុំក្រុមប្រឹក្សាភិបាល',
      general_assembly: 'មហាសន្និបាតសមាជិក',
      member: 'កិច្ចប្រជុំសមាជិក',
    } satisfies Record<MeetingKind, string>,
    number: 'លេខកិច្ចប្រជុំ',
    date: 'កាលបរិច្ឆេទ',
    time: 'ម៉ោង',
    place: 'ទីកន្លែង',
    quorumMet: 'គ្រប់កូរ៉ុម',
    quorumNotMet: 'មិនគ្រប់កូរ៉ុម',
    quorum: (present: string, needed: string, eligible: string) =>
      `មានវត្តមាន ${present} នាក់ ត្រូវការយ៉ាងតិច ${needed} នាក់ ក្នុងចំណោម ${eligible} នាក់`,
    proxies: (n: string) => `(ក្នុងនោះតំណាងដោយប្រគល់សិទ្ធិ ${n} នាក់)`,
    noQuorum: 'កិច្ចប្រជុំនេះមិនតម្រូវឱ្យមានកូរ៉ុមទេ',
    chair: 'ប្រធានអង្គប្រជុំ',
    secretary: 'លេខាអង្គប្រជុំ',
    signature: 'ហត្ថលេខា',
  },
  en: {
    kind: {
      board: 'Board meeting',
      general_assembly: 'General assembly',
      member: 'Members’ meeting',
    } satisfies Record<MeetingKind, string>,
    number: 'Meeting',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    quorumMet: 'Quorum met',
    quorumNotMet: 'No quorum',
    quorum: (present: string, needed: string, eligible: string) =>
      `${present} present; at least ${needed} of ${eligible} needed`,
    proxies: (n: string) => `(of whom ${n} by proxy)`,
    noQuorum: 'This meeting needs no quorum',
    chair: 'Chair of the meeting',
    secretary: 'Secretary of the meeting',
    signature: 'Signature',
  },
} as const;

const TEXT = {
  km: {
    title: 'កំណត់ហេតុកិច្ចប្រជុំ',
    chairedBy: 'ដឹកនាំដោយ',
    minutesBy: 'កត់ត្រាដោយ',
    attendance: 'វត្តមាន',
    members: (n: string) => `សមាជិកមានវត្តមានផ្ទាល់ ${n} នាក់`,
    board: (n: string) => `សមាជិកក្រុមប្រឹក្សាភិបាល ${n} នាក់`,
    guests: 'ភ្ញៀវ និងអ្នកចូលរួមផ្សេងទៀត',
    agenda: 'របៀបវារៈ និងសេចក្តីសម្រេច',
    item: (n: string) => `ចំណុចទី ${n}`,
    discussion: 'ការពិភាក្សា',
    decision: 'សេចក្តីសម្រេច',
    votes: (a: string, b: string, c: string) => `ការបោះឆ្នោត៖ យល់ព្រម ${a} · មិនយល់ព្រម ${b} · អនុប្បវាទ ${c}`,
    planned: 'កិច្ចប្រជុំនេះមិនទាន់បានប្រព្រឹត្តទៅនៅឡើយទេ',
  },
  en: {
    title: 'Minutes of the meeting',
    chairedBy: 'Chaired by',
    minutesBy: 'Minutes taken by',
    attendance: 'Attendance',
    members: (n: string) => `${n} members present in person`,
    board: (n: string) => `${n} board members present`,
    guests: 'Guests and others present',
    agenda: 'Agenda and decisions',
    item: (n: string) => `Item ${n}`,
    discussion: 'Discussion',
    decision: 'Decision',
    votes: (a: string, b: string, c: string) => `Votes: for ${a} · against ${b} · abstaining ${c}`,
    planned: 'This meeting has not been held yet',
  },
} as const;

/** "Quorum met: 4 present; at least 4 of 6 needed", in the report's language and digits. */
export function quorumLine(quorum: Quorum | null, lang: Lang, digits: ReportContext['digits']): string {
  const w = MEETING_WORDS[lang];
  if (quorum === null) return w.noQuorum;
  const n = (v: number) => formatNumber(v, digits);
  const proxies = quorum.proxies > 0 ? ` ${w.proxies(n(quorum.proxies))}` : '';
  return `${quorum.met ? w.quorumMet : w.quorumNotMet}: ${w.quorum(n(quorum.present), n(quorum.needed), n(quorum.eligible))}${proxies}`;
}

/** The facts line under a meeting's title: its kind, number, date, time and place. */
export function meetingFacts(meeting: Meeting, lang: Lang, digits: ReportContext['digits']): string {
  const w = MEETING_WORDS[lang];
  const parts = [
    `${w.number} ${meeting.number}`,
    `${w.date} ${formatDateText(meeting.date, lang, digits)}`,
    ...(meeting.time ? [`${w.time} ${withDigits(meeting.time, digits)}`] : []),
    `${w.place} ${meeting.place}`,
  ];
  return parts.join(' · ');
}

function body(meeting: Meeting, { lang, digits }: ReportContext): Block[] {
  const t = TEXT[lang];
  const n = (v: number) => formatNumber(v, digits);
  const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({
    kind: 'paragraph',
    text,
    size: 10,
    ...extra,
  });
  const blocks: Block[] = [p(meetingFacts(meeting, lang, digits), { align: 'center', after: 4 })];
  const people = [
    ...(meeting.chairName ? [`${t.chairedBy} ${meeting.chairName}`] : []),
    ...(meeting.secretaryName ? [`${t.minutesBy} ${meeting.secretaryName}`] : []),
  ];
  if (people.length > 0) blocks.push(p(people.join(' · '), { after: 6 }));
  if (!meeting.held) blocks.push(p(t.planned, { bold: true, after: 6 }));

  blocks.push(p(t.attendance, { size: 11, bold: true, after: 2 }));
  const members = meeting.attendees.filter((a) => a.memberId !== null);
  const board = meeting.attendees.filter((a) => a.isBoard);
  blocks.push(p(meeting.kind === 'board' ? t.board(n(board.length)) : t.members(n(members.length))));
  blocks.push(p(quorumLine(meeting.quorum, lang, digits), { bold: true, after: 4 }));
  const guests = meeting.attendees.filter((a) => a.memberId === null);
  if (guests.length > 0) {
    blocks.push(
      p(`${t.guests}: ${guests.map((g) => (g.role ? `${g.name} (${g.role})` : g.name)).join(', ')}`),
    );
  }
  blocks.push(p('', { after: 6 }));

  blocks.push(p(t.agenda, { size: 11, bold: true, after: 4 }));
  meeting.agenda.forEach((item, index) => {
    blocks.push(p(`${t.item(n(index + 1))}: ${item.title}`, { bold: true, after: 2 }));
    if (item.discussion) blocks.push(p(`${t.discussion}: ${item.discussion}`, { after: 2 }));
    if (item.decision) blocks.push(p(`${t.decision}: ${item.decision}`, { after: 2 }));
    const votes = item.votesFor + item.votesAgainst + item.votesAbstain;
    if (votes > 0)
      blocks.push(p(t.votes(n(item.votesFor), n(item.votesAgainst), n(item.votesAbstain)), { after: 2 }));
    blocks.push(p('', { after: 4 }));
  });
  return blocks;
}

/** The meeting's own signers: its secretary and its chair. */
export function meetingSigners(meeting: Meeting, lang: Lang) {
  const w = MEETING_WORDS[lang];
  return [
    { heading: w.signature, office: w.secretary, name: meeting.secretaryName },
    { heading: w.signature, office: w.chair, name: meeting.chairName },
  ];
}

export async function minutesPdf(db: Kysely<Database>, options: ReportOptions & { meetingId: number }) {
  const meeting = await getMeeting(db, options.meetingId);
  const w = MEETING_WORDS[options.lang];
  return renderFramed(
    db,
    options,
    TEXT[options.lang].title,
    w.kind[meeting.kind],
    (context) => body(meeting, context),
    meetingSigners(meeting, options.lang),
  );
}
