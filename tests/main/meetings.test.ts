import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBylaws, saveBylaws } from '../../main/meetings/bylaws';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from '../../main/meetings/meetings';
import { exitMember } from '../../main/members/register';
import { bylawsSchema, DEFAULT_BYLAWS, quorumNeeded } from '../../shared/meetings';
import type { Member } from '../../shared/schemas';
import { ACTOR, assembly, type Books, meetingInput, openBooks, refusal } from './meetings-books';

let books: Books;
const db = () => books.opened.db;
const attendee = (m: Member, extra: { isBoard?: boolean; proxyForMemberIds?: number[] } = {}) => ({
  memberId: m.id,
  guestName: '',
  role: '',
  isBoard: extra.isBoard ?? false,
  proxyForMemberIds: extra.proxyForMemberIds ?? [],
});

beforeEach(async () => {
  books = await openBooks();
});
afterEach(async () => {
  await books.close();
});

describe('the quorum rule', () => {
  it('counts more than half strictly and two thirds inclusively, with integer arithmetic at the edge', () => {
    const half = { numerator: 1, denominator: 2, strict: true };
    const twoThirds = { numerator: 2, denominator: 3, strict: false };
    expect(quorumNeeded(half, 6)).toBe(4);
    expect(quorumNeeded(half, 7)).toBe(4);
    expect(quorumNeeded(half, 130)).toBe(66);
    expect(quorumNeeded(twoThirds, 5)).toBe(4);
    expect(quorumNeeded(twoThirds, 6)).toBe(4);
    expect(quorumNeeded(twoThirds, 9)).toBe(6);
  });

  it('refuses allocation percentages that do not add up to 100, naming the field', () => {
    const parsed = bylawsSchema.safeParse({ ...DEFAULT_BYLAWS, reservePercent: 25 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('percentages_not_100');
    expect(parsed.error?.issues[0]?.path).toEqual(['reservePercent']);
  });
});

describe('a general assembly', () => {
  it('has its quorum with four of six members, not with three (exactly half), counting proxies', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    const three = await assembly(books.opened.db, '2026-02-14', [a, b, c]);
    expect(three.quorum).toEqual({ eligible: 6, present: 3, proxies: 0, needed: 4, met: false });
    const four = await assembly(books.opened.db, '2026-02-15', [a, b, c, d]);
    expect(four.quorum).toMatchObject({ present: 4, needed: 4, met: true });
    const proxied = await createMeeting(
      db(),
      meetingInput({
        date: '2026-02-16',
        attendees: [attendee(a), attendee(b), attendee(c, { proxyForMemberIds: [d.id] })],
      }),
      ACTOR,
    );
    expect(proxied.quorum).toEqual({ eligible: 6, present: 4, proxies: 1, needed: 4, met: true });
    expect(proxied.attendees[2]?.proxyFor).toEqual([{ memberId: d.id, number: d.number, nameKm: d.nameKm }]);
    const list = await listMeetings(db());
    expect(list.map((m) => [m.number, m.quorumMet, m.attendees])).toEqual([
      [proxied.number, true, 3],
      [four.number, true, 4],
      [three.number, false, 3],
    ]);
  });

  it('counts only members on the roll that day: one who left before the meeting counts neither way', async () => {
    const [a, b, c, , e] = books.members as [Member, Member, Member, Member, Member];
    await exitMember(db(), { id: e.id, status: 'left', exitDate: '2026-01-10', reason: '' }, ACTOR);
    const meeting = await assembly(books.opened.db, '2026-02-14', [a, b, c]);
    // Five on the roll: more than half is three.
    expect(meeting.quorum).toMatchObject({ eligible: 5, needed: 3, met: true });
    expect(await refusal(assembly(books.opened.db, '2026-02-20', [a, e]))).toEqual({
      code: 'member_not_active',
      field: 'attendees.1.memberId',
    });
  });

  it('refuses more proxies than the by-law allows, proxies when it allows none, and anyone twice', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    const twoProxies = meetingInput({ attendees: [attendee(a, { proxyForMemberIds: [b.id, c.id] })] });
    expect(await refusal(createMeeting(db(), twoProxies, ACTOR))).toEqual({
      code: 'too_many_proxies',
      field: 'attendees.0.proxyForMemberIds',
      params: { max: 1 },
    });
    const twice = meetingInput({ attendees: [attendee(a), attendee(b, { proxyForMemberIds: [a.id] })] });
    expect(await refusal(createMeeting(db(), twice, ACTOR))).toMatchObject({ code: 'attendee_duplicate' });
    await saveBylaws(db(), { ...DEFAULT_BYLAWS, proxiesAllowed: false }, ACTOR);
    const one = meetingInput({ attendees: [attendee(a, { proxyForMemberIds: [d.id] })] });
    expect(await refusal(createMeeting(db(), one, ACTOR))).toMatchObject({ code: 'proxy_not_allowed' });
    expect((await getBylaws(db())).proxiesAllowed).toBe(false);
    expect(await listMeetings(db())).toEqual([]);
  });

  it('refuses more votes than voters, and votes at a meeting not yet held', async () => {
    const [a, b] = books.members as [Member, Member];
    const item = {
      title: 'ការបោះឆ្នោត',
      discussion: '',
      decision: '',
      votesFor: 2,
      votesAgainst: 1,
      votesAbstain: 0,
    };
    const tooMany = meetingInput({ agenda: [item], attendees: [attendee(a), attendee(b)] });
    expect(await refusal(createMeeting(db(), tooMany, ACTOR))).toEqual({
      code: 'votes_exceed_present',
      field: 'agenda.0.votesFor',
      params: { present: 2 },
    });
    const planned = meetingInput({ held: false, date: '2026-04-01', agenda: [{ ...item, votesAgainst: 0 }] });
    expect(await refusal(createMeeting(db(), planned, ACTOR))).toMatchObject({ code: 'meeting_not_held' });
  });
});

describe('a board meeting', () => {
  it('counts board members against the board seats: four of five meet two thirds, three do not', async () => {
    const [a, b, c, d] = books.members as [Member, Member, Member, Member];
    const input = meetingInput({
      kind: 'board',
      attendees: [
        attendee(a, { isBoard: true }),
        attendee(b, { isBoard: true }),
        attendee(c, { isBoard: true }),
      ],
    });
    const meeting = await createMeeting(db(), input, ACTOR);
    expect(meeting.quorum).toEqual({ eligible: 5, present: 3, proxies: 0, needed: 4, met: false });
    const updated = await updateMeeting(
      db(),
      { ...input, id: meeting.id, attendees: [...input.attendees, attendee(d, { isBoard: true })] },
      ACTOR,
    );
    expect(updated.quorum).toMatchObject({ present: 4, met: true });
    expect((await getMeeting(db(), meeting.id)).attendees.map((x) => x.name)).toEqual(
      [a, b, c, d].map((m) => m.nameKm),
    );
    const proxy = { ...input, attendees: [attendee(a, { isBoard: true, proxyForMemberIds: [b.id] })] };
    expect(await refusal(createMeeting(db(), proxy, ACTOR))).toMatchObject({ code: 'proxy_not_allowed' });
  });
});
