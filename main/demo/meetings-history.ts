import type { Kysely } from 'kysely';
import { toKhmerDigits } from '../../shared/khmer';
import { type AgendaItem, type Attendee, quorumNeeded } from '../../shared/meetings';
import { fiscalYearSpan } from '../../shared/yearend';
import type { Database } from '../db/schema';
import { closeMonth } from '../ledger/months';
import type { Actor } from '../ledger/posting';
import { getBylaws } from '../meetings/bylaws';
import { createMeeting } from '../meetings/meetings';
import { closeYear } from '../yearend/close';
import { payDistributions } from '../yearend/payout';
import type { MemberInfo } from './ledger-history';
import { createRandom } from './members';

// The demo's meetings and year ends: the board meets early each month to approve the month before, and
// the general assembly meets each February to approve the year before, which is then closed, allocated
// and paid out in cash.

const BOARD_SIZE = 5;
const PLACE = 'ការិយាល័យសហគមន៍';

const monthAfter = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

const item = (title: string, decision: string, votes: number): AgendaItem => ({
  title,
  discussion: '',
  decision,
  votesFor: votes,
  votesAgainst: 0,
  votesAbstain: 0,
});

const onRoll = (m: MemberInfo, date: string) =>
  m.joinDate <= date && (m.status === 'active' || (m.exitDate !== '' && m.exitDate > date));

async function closeMonthsTo(db: Kysely<Database>, last: string, founded: string, actor: Actor) {
  const closed = new Set(
    (await db.selectFrom('closed_months').select('month').execute()).map((r) => r.month),
  );
  for (let month = founded.slice(0, 7); month <= last; month = monthAfter(month)) {
    if (!closed.has(month))
      await closeMonth(db, month, { ...actor, timestamp: `${monthAfter(month)}-05T03:00:00.000Z` });
  }
}

export async function writeDemoMeetings(
  db: Kysely<Database>,
  options: { members: readonly MemberInfo[]; founded: string; today: string; actor: Actor; seed: number },
): Promise<void> {
  const random = createRandom(options.seed + 12);
  const { members, founded, today, actor } = options;
  const board = members.filter((m) => m.status === 'active').slice(0, BOARD_SIZE);
  const stamp = (date: string) => ({ ...actor, today: date, timestamp: `${date}T03:00:00.000Z` });
  for (let month = monthAfter(founded.slice(0, 7)); `${month}-06` <= today; month = monthAfter(month)) {
    const date = `${month}-06`;
    const present = board.filter((m) => onRoll(m, date) && random() < 0.85);
    const attendees: Attendee[] = present.map((m) => ({
      memberId: m.id,
      guestName: '',
      role: '',
      isBoard: true,
      proxyForMemberIds: [],
    }));
    await createMeeting(
      db,
      {
        kind: 'board',
        date,
        time: '08:00',
        place: PLACE,
        chairName: 'សុខ សុភ័ក្រ',
        secretaryName: 'លី ចន្ធូ',
        held: true,
        agenda: [item(`ពិនិត្យ និងអនុម័តរបាយការណ៍ប្រចាំខែមុន`, 'អនុម័ត', present.length)],
        attendees,
      },
      stamp(date),
    );
  }
  const firstYear = Number(founded.slice(0, 4));
  for (let year = firstYear; ; year++) {
    const span = fiscalYearSpan(year, 1);
    const assemblyDate = `${year + 1}-02-14`;
    const payday = `${year + 1}-02-21`;
    if (payday >= today || `${year + 1}-01` >= today.slice(0, 7)) break;
    await closeMonthsTo(db, span.to.slice(0, 7), founded, actor);
    const present: Attendee[] = [];
    const absent: number[] = [];
    // Everyone on the roll that day, as the quorum counts them: those who joined later in the story too.
    const roll = await db
      .selectFrom('members')
      .select('id')
      .where('join_date', '<=', assemblyDate)
      .where((eb) => eb.or([eb('exit_date', 'is', null), eb('exit_date', '>', assemblyDate)]))
      .orderBy('number')
      .execute();
    // A cooperative too young to have members by its first assembly closes no year in the demo: every
    // later close would wait for that one.
    if (roll.length === 0) break;
    const boardIds = new Set(board.map((m) => m.id));
    for (const { id } of roll) {
      if (random() < 0.66)
        present.push({
          memberId: id,
          guestName: '',
          role: '',
          isBoard: boardIds.has(id),
          proxyForMemberIds: [],
        });
      else absent.push(id);
    }
    // Enough of the members come for the by-law's quorum (proxies are extra).
    const rule = (await getBylaws(db)).assemblyQuorum;
    const needed = Math.max(1, quorumNeeded(rule, roll.length));
    while (present.length < needed && absent.length > 0) {
      present.push({
        memberId: absent.pop() as number,
        guestName: '',
        role: '',
        isBoard: false,
        proxyForMemberIds: [],
      });
    }
    // Some of the absent send a written proxy with a neighbour who came.
    for (const [index, attendee] of present.entries()) {
      if (index % 12 === 0 && absent.length > 0) attendee.proxyForMemberIds = [absent.pop() as number];
    }
    const voters = present.length + present.filter((a) => a.proxyForMemberIds.length > 0).length;
    const meeting = await createMeeting(
      db,
      {
        kind: 'general_assembly',
        date: assemblyDate,
        time: '07:30',
        place: 'សាលាឃុំ',
        chairName: 'សុខ សុភ័ក្រ',
        secretaryName: 'លី ចន្ធូ',
        held: true,
        agenda: [
          item(`អនុម័តរបាយការណ៍ហិរញ្ញវត្ថុឆ្នាំ ${toKhmerDigits(String(year))}`, 'អនុម័ត', voters),
          item(`អនុម័តការបែងចែកប្រាក់ចំណេញឆ្នាំ ${toKhmerDigits(String(year))}`, 'អនុម័តតាមលក្ខន្តិកៈ', voters),
        ],
        attendees: [
          ...present,
          {
            memberId: null,
            guestName: 'មន្ត្រីកសិកម្មស្រុក',
            role: 'ភ្ញៀវកិត្តិយស',
            isBoard: false,
            proxyForMemberIds: [],
          },
        ],
      },
      stamp(assemblyDate),
    );
    const status = await closeYear(db, { year, meetingId: meeting.id }, stamp(assemblyDate));
    if (status.distributions.length === 0) continue;
    // In cash against the payout sheet: a credit to savings dated back would change interest already paid.
    await payDistributions(db, { year, date: payday, method: 'cash', memberIds: [] }, stamp(payday));
  }
}
