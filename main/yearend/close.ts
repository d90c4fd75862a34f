import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { StatementSection } from '../../shared/ledger';
import { fiscalYearSpan, type MemberDistribution, type YearStatus } from '../../shared/yearend';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { accountByRole } from '../ledger/accounts';
import { type Actor, type EntryDraft, type LineDraft, postEntries, YEAR_CLOSE_KIND } from '../ledger/posting';
import { getBylaws } from '../meetings/bylaws';
import { getMeeting } from '../meetings/meetings';
import { planAllocation, yearResults } from './allocation';

type Db = Kysely<Database> | Transaction<Database>;

const monthOf = (date: string) => date.slice(0, 7);

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let year = Number(from.slice(0, 4)), month = Number(from.slice(5, 7)); ; month++) {
    if (month > 12) {
      year++;
      month = 1;
    }
    const m = `${year}-${String(month).padStart(2, '0')}`;
    if (m > to) return months;
    months.push(m);
  }
}

export async function yearSpan(db: Db, year: number) {
  const cooperative = await getCooperative(db);
  return fiscalYearSpan(year, cooperative.fiscalYearStartMonth);
}

/** Months of the year the books cover (from the first posting or the founding) that are not closed. */
async function openMonthsOf(db: Db, span: { from: string; to: string }): Promise<string[]> {
  const first = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.min('date').as('date'))
    .executeTakeFirst();
  const cooperative = await getCooperative(db);
  const start = [monthOf(span.from), monthOf(first?.date ?? cooperative.foundedOn)].sort()[1] as string;
  const closed = new Set(
    (await db.selectFrom('closed_months').select('month').execute()).map((r) => r.month),
  );
  return monthsBetween(start, monthOf(span.to)).filter((m) => !closed.has(m));
}

async function distributionsOf(db: Db, year: number): Promise<MemberDistribution[]> {
  const rows = await db
    .selectFrom('year_distributions as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .select([
      'd.member_id',
      'm.number',
      'm.name_km',
      'd.shares',
      'd.business',
      'd.dividend',
      'd.patronage',
      'd.paid_on',
      'd.paid_how',
    ])
    .where('d.year', '=', year)
    .orderBy('m.number')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    memberNumber: r.number,
    nameKm: r.name_km,
    shares: r.shares,
    business: r.business,
    dividend: r.dividend,
    patronage: r.patronage,
    paidOn: r.paid_on,
    paidHow: r.paid_how,
  }));
}

/** Where a year stands: its open months, and its allocation as closed, or as it would be closed today. */
export async function yearStatus(db: Kysely<Database>, year: number): Promise<YearStatus> {
  const span = await yearSpan(db, year);
  const openMonths = await openMonthsOf(db, span);
  const row = await db
    .selectFrom('year_closes as y')
    .innerJoin('meetings as m', 'm.id', 'y.meeting_id')
    .selectAll('y')
    .select('m.number as meeting_number')
    .where('y.year', '=', year)
    .executeTakeFirst();
  if (row) {
    return {
      year,
      ...span,
      openMonths,
      closed: {
        closedAt: row.closed_at,
        closedBy: row.closed_by,
        meetingId: row.meeting_id,
        meetingNumber: row.meeting_number,
      },
      allocation: {
        surplus: row.surplus,
        lossCovered: row.loss_covered,
        distributable: row.reserve + row.development + row.social + row.dividends + row.patronage,
        parts: {
          reserve: row.reserve,
          development: row.development,
          social: row.social,
          dividends: row.dividends,
          patronage: row.patronage,
        },
        resultUsd: row.result_usd,
      },
      distributions: await distributionsOf(db, year),
      paddyCounted: row.paddy_counted === 1,
    };
  }
  const plan = await planAllocation(db, await getBylaws(db), span);
  return {
    year,
    ...span,
    openMonths,
    closed: null,
    allocation: plan.allocation,
    distributions: plan.members
      .filter((m) => m.dividend + m.patronage > 0)
      .map((m) => ({ ...m, paidOn: null, paidHow: null })),
    paddyCounted: false,
  };
}

/** Lines that empty a section's accounts: an income's credit balance is debited away, an expense's credited. */
function emptying(section: StatementSection, currency: 'KHR' | 'USD'): LineDraft[] {
  const sign = section.type === 'income' ? 1 : -1;
  return section.lines
    .filter((line) => !line.isGroup && line.accountId !== null && line.amount !== 0)
    .map((line) => ({ accountId: line.accountId as number, currency, amount: sign * line.amount }));
}

/** The year close's entries: income and expenses to the surplus of the year, then the surplus allocated. */
async function closingDrafts(trx: Transaction<Database>, year: number, span: { from: string; to: string }) {
  const { statement } = await yearResults(trx, span.from, span.to);
  const plan = await planAllocation(trx, await getBylaws(trx), span);
  const role = async (name: string) => (await accountByRole(trx, name)).id;
  const drafts: EntryDraft[] = [];
  const base = { date: span.to, kind: YEAR_CLOSE_KIND, sourceRef: `year:${year}` };
  for (const result of statement.currencies) {
    const lines = [
      ...emptying(result.income, result.currency),
      ...emptying(result.expenses, result.currency),
    ];
    if (lines.length === 0) continue;
    // Dollars close straight to the dollars' retained surplus: the by-law shares out riel.
    const target = await role(result.currency === 'KHR' ? 'year_surplus_khr' : 'retained_surplus_usd');
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    if (total !== 0) lines.push({ accountId: target, currency: result.currency, amount: -total });
    drafts.push({ ...base, memo: `បិទបញ្ជីចំណូល និងចំណាយឆ្នាំ ${year} (${result.currency})`, lines });
  }
  const { surplus, lossCovered, parts } = plan.allocation;
  if (surplus !== 0) {
    const yearSurplus = await role('year_surplus_khr');
    const credits: [string, number][] = [
      ['retained_surplus', lossCovered],
      ['reserve_fund', parts.reserve],
      ['development_fund', parts.development],
      ['social_fund', parts.social],
      ['dividends_payable', parts.dividends],
      ['patronage_payable', parts.patronage],
    ];
    // A loss is carried forward: it waits in retained surplus for the surpluses of later years.
    const lines: LineDraft[] =
      surplus < 0
        ? [{ accountId: await role('retained_surplus'), currency: 'KHR', amount: -surplus }]
        : await Promise.all(
            credits
              .filter(([, amount]) => amount > 0)
              .map(async ([name, amount]) => ({
                accountId: await role(name),
                currency: 'KHR' as const,
                amount: -amount,
              })),
          );
    lines.push({ accountId: yearSurplus, currency: 'KHR', amount: surplus });
    drafts.push({ ...base, memo: `បែងចែកប្រាក់ចំណេញឆ្នាំ ${year}`, lines });
  }
  return { drafts, plan };
}

/** Checks the general assembly that approves a year's close: held after the year end, with its quorum. */
async function checkApproval(trx: Db, meetingId: number, yearEnd: string, today: string) {
  const meeting = await getMeeting(trx, meetingId).catch((error: unknown) => {
    if (error instanceof DomainError) throw new DomainError('not_found', 'meetingId');
    throw error;
  });
  if (
    meeting.kind !== 'general_assembly' ||
    !meeting.held ||
    meeting.date <= yearEnd ||
    meeting.date > today
  ) {
    throw new DomainError('approval_meeting_invalid', 'meetingId');
  }
  if (meeting.approvesYear !== null) throw new DomainError('approval_meeting_invalid', 'meetingId');
  if (meeting.quorum && !meeting.quorum.met) {
    throw new DomainError('quorum_not_met', 'meetingId', {
      present: meeting.quorum.present,
      needed: meeting.quorum.needed,
    });
  }
}

/**
 * Closes fiscal year `year`, as its general assembly approved: after every month of it is closed, one
 * transaction posts the close and the allocation on the year's last day and records each member's
 * dividend and patronage refund. Nothing can be posted into the year afterwards (posting.ts).
 */
export function closeYear(
  db: Kysely<Database>,
  input: { year: number; meetingId: number },
  actor: Actor,
): Promise<YearStatus> {
  return db
    .transaction()
    .execute(async (trx) => {
      const span = await yearSpan(trx, input.year);
      if (span.to >= actor.today) throw new DomainError('year_not_ended', 'year');
      const closed = await trx
        .selectFrom('year_closes')
        .select('year')
        .where('year', '=', input.year)
        .executeTakeFirst();
      if (closed) throw new DomainError('year_already_closed', 'year');
      const previous = await yearSpan(trx, input.year - 1);
      const earlier = await trx
        .selectFrom('journal_entries')
        .select('id')
        .where('date', '<=', previous.to)
        .executeTakeFirst();
      const previousClosed = await trx
        .selectFrom('year_closes')
        .select('year')
        .where('year', '=', input.year - 1)
        .executeTakeFirst();
      if (earlier && !previousClosed)
        throw new DomainError('year_previous_open', 'year', { year: input.year - 1 });
      const open = await openMonthsOf(trx, span);
      if (open.length > 0) throw new DomainError('year_months_open', 'year', { month: open[0] as string });
      await checkApproval(trx, input.meetingId, span.to, actor.today);

      const { drafts, plan } = await closingDrafts(trx, input.year, span);
      const ids = await postEntries(trx, drafts, actor);
      const { allocation } = plan;
      await trx
        .insertInto('year_closes')
        .values({
          year: input.year,
          first_day: span.from,
          last_day: span.to,
          meeting_id: input.meetingId,
          surplus: allocation.surplus,
          loss_covered: allocation.lossCovered,
          ...allocation.parts,
          result_usd: allocation.resultUsd,
          paddy_counted: 0,
          entry_id: ids[0] ?? null,
          closed_at: actor.timestamp,
          closed_by: actor.user,
        })
        .execute();
      const rows = plan.members
        .filter((m) => m.dividend + m.patronage > 0)
        .map((m) => ({
          year: input.year,
          member_id: m.memberId,
          shares: m.shares,
          business: m.business,
          dividend: m.dividend,
          patronage: m.patronage,
        }));
      for (let i = 0; i < rows.length; i += 1000) {
        await trx
          .insertInto('year_distributions')
          .values(rows.slice(i, i + 1000))
          .execute();
      }
    })
    .then(() => yearStatus(db, input.year));
}
