import { type Kysely, sql, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import {
  type AttendeeView,
  type Bylaws,
  type Meeting,
  type MeetingInput,
  type MeetingKind,
  type MeetingRow,
  type MeetingUpdate,
  type Quorum,
  quorumOf,
} from '../../shared/meetings';
import type { Now } from '../clock';
import type { Database } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { nullIfEmpty } from '../db/text';
import { getBylaws } from './bylaws';

type Db = Kysely<Database> | Transaction<Database>;

/** Members the general assembly's quorum counts: those who had joined and not yet left on the day. */
export async function membersOnRoll(db: Db, date: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('join_date', '<=', date)
    .where((eb) => eb.or([eb('exit_date', 'is', null), eb('exit_date', '>', date)]))
    .executeTakeFirst();
  return row?.n ?? 0;
}

interface Counted {
  kind: MeetingKind;
  inPerson: number;
  board: number;
  proxies: number;
}

/** The quorum by the by-law: members (and their proxies) at an assembly, board seats at a board meeting. */
export async function quorumFor(
  db: Db,
  bylaws: Bylaws,
  date: string,
  counted: Counted,
): Promise<Quorum | null> {
  switch (counted.kind) {
    case 'member':
      return null;
    case 'board':
      return quorumOf(bylaws.boardQuorum, bylaws.boardSize, counted.board, 0);
    case 'general_assembly':
      return quorumOf(
        bylaws.assemblyQuorum,
        await membersOnRoll(db, date),
        counted.inPerson,
        counted.proxies,
      );
  }
}

const countOf = (input: MeetingInput): Counted => ({
  kind: input.kind,
  inPerson: input.attendees.filter((a) => a.memberId !== null).length,
  board: input.attendees.filter((a) => a.isBoard).length,
  proxies: input.attendees.reduce((n, a) => n + a.proxyForMemberIds.length, 0),
});

/** Every rule a meeting's record must pass before anything of it is written. */
async function checkMeeting(trx: Db, input: MeetingInput, today: string): Promise<void> {
  if (input.held && input.date > today) throw new DomainError('date_in_future', 'date');
  if (!input.held && input.agenda.some((a) => a.votesFor + a.votesAgainst + a.votesAbstain > 0)) {
    throw new DomainError('meeting_not_held', 'held');
  }
  const bylaws = await getBylaws(trx);
  const ids = input.attendees.flatMap((a) => [
    ...(a.memberId === null ? [] : [a.memberId]),
    ...a.proxyForMemberIds,
  ]);
  const members = new Map(
    (
      await trx
        .selectFrom('members')
        .select(['id', 'join_date', 'exit_date'])
        .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
        .execute()
    ).map((m) => [m.id, m]),
  );
  const seen = new Set<number>();
  const onRoll = (memberId: number, field: string) => {
    const member = members.get(memberId);
    if (!member) throw new DomainError('not_found', field);
    if (member.join_date > input.date || (member.exit_date !== null && member.exit_date <= input.date)) {
      throw new DomainError('member_not_active', field);
    }
    if (seen.has(memberId)) throw new DomainError('attendee_duplicate', field);
    seen.add(memberId);
  };
  input.attendees.forEach((attendee, index) => {
    const at = `attendees.${index}`;
    if (attendee.memberId === null && attendee.guestName === '')
      throw new DomainError('required', `${at}.guestName`);
    if (attendee.memberId === null && attendee.proxyForMemberIds.length > 0)
      throw new DomainError('proxy_not_allowed', `${at}.proxyForMemberIds`);
    if (attendee.memberId !== null) onRoll(attendee.memberId, `${at}.memberId`);
  });
  input.attendees.forEach((attendee, index) => {
    const at = `attendees.${index}.proxyForMemberIds`;
    if (attendee.proxyForMemberIds.length === 0) return;
    if (!bylaws.proxiesAllowed || input.kind === 'board') throw new DomainError('proxy_not_allowed', at);
    if (attendee.proxyForMemberIds.length > bylaws.proxiesPerPerson)
      throw new DomainError('too_many_proxies', at, { max: bylaws.proxiesPerPerson });
    for (const memberId of attendee.proxyForMemberIds) onRoll(memberId, at);
  });
  const counted = countOf(input);
  const voters = input.kind === 'board' ? counted.board : counted.inPerson + counted.proxies;
  input.agenda.forEach((item, index) => {
    const votes = item.votesFor + item.votesAgainst + item.votesAbstain;
    if (votes > voters)
      throw new DomainError('votes_exceed_present', `agenda.${index}.votesFor`, { present: voters });
  });
}

async function writeParts(trx: Transaction<Database>, meetingId: number, input: MeetingInput): Promise<void> {
  await trx.deleteFrom('meeting_proxies').where('meeting_id', '=', meetingId).execute();
  await trx.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  await trx.deleteFrom('meeting_agenda').where('meeting_id', '=', meetingId).execute();
  if (input.agenda.length > 0) {
    await trx
      .insertInto('meeting_agenda')
      .values(
        input.agenda.map((item, position) => ({
          meeting_id: meetingId,
          position,
          title: item.title,
          discussion: nullIfEmpty(item.discussion),
          decision: nullIfEmpty(item.decision),
          votes_for: item.votesFor,
          votes_against: item.votesAgainst,
          votes_abstain: item.votesAbstain,
        })),
      )
      .execute();
  }
  const row = (attendee: MeetingInput['attendees'][number], position: number) => ({
    meeting_id: meetingId,
    position,
    member_id: attendee.memberId,
    guest_name: attendee.memberId === null ? attendee.guestName : null,
    role: nullIfEmpty(attendee.role),
    is_board: attendee.isBoard ? 1 : 0,
  });
  // Most attendees hold no proxy: they go in together; a proxy holder's own row id carries the proxies.
  const plain = input.attendees.map(row).filter((_, i) => input.attendees[i]?.proxyForMemberIds.length === 0);
  for (let i = 0; i < plain.length; i += 500) {
    await trx
      .insertInto('meeting_attendees')
      .values(plain.slice(i, i + 500))
      .execute();
  }
  for (const [position, attendee] of input.attendees.entries()) {
    if (attendee.proxyForMemberIds.length === 0) continue;
    const { id } = await trx
      .insertInto('meeting_attendees')
      .values(row(attendee, position))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('meeting_proxies')
      .values(
        attendee.proxyForMemberIds.map((memberId) => ({
          meeting_id: meetingId,
          attendee_id: id,
          member_id: memberId,
        })),
      )
      .execute();
  }
}

const meetingColumns = (input: MeetingInput) => ({
  kind: input.kind,
  date: input.date,
  time: nullIfEmpty(input.time),
  place: input.place,
  chair_name: nullIfEmpty(input.chairName),
  secretary_name: nullIfEmpty(input.secretaryName),
  held: input.held ? 1 : 0,
});

export function createMeeting(db: Kysely<Database>, input: MeetingInput, now: Now): Promise<Meeting> {
  return db.transaction().execute(async (trx) => {
    await checkMeeting(trx, input, now.today);
    const sequence = await takeNextNumber(trx, 'meetings');
    const row = await trx
      .insertInto('meetings')
      .values({
        number: `MT-${String(sequence).padStart(4, '0')}`,
        ...meetingColumns(input),
        created_at: now.timestamp,
        updated_at: now.timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeParts(trx, row.id, input);
    return getMeeting(trx, row.id);
  });
}

/** A meeting's record is corrected until it approves a closed year: then it is part of that year's books. */
export function updateMeeting(db: Kysely<Database>, input: MeetingUpdate, now: Now): Promise<Meeting> {
  return db.transaction().execute(async (trx) => {
    const current = await getMeeting(trx, input.id);
    if (current.approvesYear !== null)
      throw new DomainError('meeting_locked', 'id', { year: current.approvesYear });
    await checkMeeting(trx, input, now.today);
    await trx
      .updateTable('meetings')
      .set({ ...meetingColumns(input), updated_at: now.timestamp })
      .where('id', '=', input.id)
      .execute();
    await writeParts(trx, input.id, input);
    return getMeeting(trx, input.id);
  });
}

export async function getMeeting(db: Db, id: number): Promise<Meeting> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'id');
  const agenda = await db
    .selectFrom('meeting_agenda')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  const attendees = await db
    .selectFrom('meeting_attendees as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.id', 'a.member_id', 'a.guest_name', 'a.role', 'a.is_board', 'm.number', 'm.name_km'])
    .where('a.meeting_id', '=', id)
    .orderBy('a.position')
    .execute();
  const proxies = await db
    .selectFrom('meeting_proxies as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.attendee_id', 'p.member_id', 'm.number', 'm.name_km'])
    .where('p.meeting_id', '=', id)
    .orderBy('m.number')
    .execute();
  const views: AttendeeView[] = attendees.map((a) => {
    const held = proxies.filter((p) => p.attendee_id === a.id);
    return {
      memberId: a.member_id,
      guestName: a.guest_name ?? '',
      role: a.role ?? '',
      isBoard: a.is_board === 1,
      proxyForMemberIds: held.map((p) => p.member_id),
      memberNumber: a.number,
      name: a.name_km ?? a.guest_name ?? '',
      proxyFor: held.map((p) => ({ memberId: p.member_id, number: p.number, nameKm: p.name_km })),
    };
  });
  const approves = await db
    .selectFrom('year_closes')
    .select('year')
    .where('meeting_id', '=', id)
    .executeTakeFirst();
  const meeting: Meeting = {
    id: row.id,
    number: row.number,
    kind: row.kind,
    date: row.date,
    time: row.time ?? '',
    place: row.place,
    chairName: row.chair_name ?? '',
    secretaryName: row.secretary_name ?? '',
    held: row.held === 1,
    agenda: agenda.map((a) => ({
      title: a.title,
      discussion: a.discussion ?? '',
      decision: a.decision ?? '',
      votesFor: a.votes_for,
      votesAgainst: a.votes_against,
      votesAbstain: a.votes_abstain,
    })),
    attendees: views,
    quorum: null,
    approvesYear: approves?.year ?? null,
  };
  meeting.quorum = await quorumFor(db, await getBylaws(db), meeting.date, countOf(meeting));
  return meeting;
}

/** Every meeting, newest first, with its attendance and whether it had its quorum. */
export async function listMeetings(db: Db): Promise<MeetingRow[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .select((eb) => [
      'm.id',
      'm.number',
      'm.kind',
      'm.date',
      'm.place',
      'm.held',
      eb
        .selectFrom('meeting_attendees as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .where('a.member_id', 'is not', null)
        .as('in_person'),
      eb
        .selectFrom('meeting_attendees as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .where('a.is_board', '=', 1)
        .as('board'),
      eb
        .selectFrom('meeting_attendees as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .as('attendees'),
      eb
        .selectFrom('meeting_proxies as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.meeting_id', '=', 'm.id')
        .as('proxies'),
    ])
    .orderBy('m.date', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const bylaws = await getBylaws(db);
  const list: MeetingRow[] = [];
  for (const row of rows) {
    const counted = {
      kind: row.kind,
      inPerson: row.in_person ?? 0,
      board: row.board ?? 0,
      proxies: row.proxies ?? 0,
    };
    const quorum = row.held === 1 ? await quorumFor(db, bylaws, row.date, counted) : null;
    list.push({
      id: row.id,
      number: row.number,
      kind: row.kind,
      date: row.date,
      place: row.place,
      held: row.held === 1,
      attendees: row.attendees ?? 0,
      quorumMet: quorum?.met ?? null,
    });
  }
  return list;
}
