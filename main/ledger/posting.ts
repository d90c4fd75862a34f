import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import { isRealIsoDate } from '../../shared/khmer';
import { linesDigest } from '../audit/digest';
import type { Now } from '../clock';
import type { AccountRecord, CurrencyCode, Database } from '../db/schema';
import { reverseStockMovements } from '../inputs/stock';

type Db = Kysely<Database> | Transaction<Database>;

/** Who records a business event, and when. */
export interface Actor extends Now {
  user: string;
}

export interface LineDraft {
  accountId: number;
  memberId?: number | null;
  /** Must be the account's currency: the caller says what it means, the ledger checks it. */
  currency: CurrencyCode;
  /** Signed, in the currency's minor unit: positive is a debit, negative a credit. */
  amount: number;
}

export interface EntryDraft {
  date: string;
  kind: string;
  memo: string;
  number?: string | null;
  sourceRef?: string | null;
  details?: Record<string, unknown> | null;
  reversesId?: number | null;
  lines: readonly LineDraft[];
}

const monthOf = (date: string) => date.slice(0, 7);

// Far beyond any cooperative's books (ten trillion riel, or a hundred billion dollars), and small enough
// that every total of lines stays an exact integer in JavaScript and in SQLite.
const MAX_LINE_AMOUNT = 10_000_000_000_000;

/** The year close's own entries: dated on the year's last day, whose month the board has already closed. */
export const YEAR_CLOSE_KIND = 'year_close';

interface PostingState {
  accounts: Map<number, AccountRecord>;
  closedMonths: Set<string>;
  closedYears: { year: number; first_day: string; last_day: string }[];
  knownMembers: Set<number>;
}

async function loadState(trx: Db, drafts: readonly EntryDraft[]): Promise<PostingState> {
  const accounts = new Map((await trx.selectFrom('accounts').selectAll().execute()).map((a) => [a.id, a]));
  const closedMonths = new Set(
    (await trx.selectFrom('closed_months').select('month').execute()).map((r) => r.month),
  );
  const closedYears = await trx.selectFrom('year_closes').select(['year', 'first_day', 'last_day']).execute();
  const memberIds = [...new Set(drafts.flatMap((d) => d.lines.map((l) => l.memberId ?? null)))].filter(
    (id): id is number => id !== null,
  );
  const knownMembers = new Set<number>();
  // Chunked so that a day's batch of any size stays under SQLite's limit on bound parameters.
  for (let i = 0; i < memberIds.length; i += 5000) {
    const chunk = memberIds.slice(i, i + 5000);
    for (const row of await trx.selectFrom('members').select('id').where('id', 'in', chunk).execute()) {
      knownMembers.add(row.id);
    }
  }
  return { accounts, closedMonths, closedYears, knownMembers };
}

/** Every rule a posting must pass, checked before anything is written. */
function checkDraft(
  draft: EntryDraft,
  state: PostingState,
  today: string,
  params: Record<string, number>,
): void {
  const refusal = (code: ConstructorParameters<typeof DomainError>[0], field: string, extra = {}) =>
    new DomainError(code, field, { ...params, ...extra });
  if (!isRealIsoDate(draft.date)) throw refusal('date_invalid', 'date');
  if (draft.date > today) throw refusal('date_in_future', 'date');
  const closedYear = state.closedYears.find((y) => y.first_day <= draft.date && draft.date <= y.last_day);
  if (closedYear) throw refusal('year_closed', 'date', { year: closedYear.year });
  if (state.closedMonths.has(monthOf(draft.date)) && draft.kind !== YEAR_CLOSE_KIND)
    throw refusal('month_closed', 'date', { month: monthOf(draft.date) });
  if (draft.lines.length < 2) throw refusal('entry_too_few_lines', 'lines');

  const totals = new Map<CurrencyCode, number>();
  for (const [index, line] of draft.lines.entries()) {
    const at = { line: index };
    if (!Number.isSafeInteger(line.amount)) throw refusal('amount_not_integer', 'amount', at);
    if (Math.abs(line.amount) > MAX_LINE_AMOUNT) throw refusal('amount_invalid', 'amount', at);
    if (line.amount === 0) throw refusal('amount_zero', 'amount', at);
    const account = state.accounts.get(line.accountId);
    if (!account) throw refusal('account_unknown', 'account', at);
    const named = { ...at, code: account.code };
    if (account.currency === null) throw refusal('account_is_group', 'account', named);
    if (account.active !== 1) throw refusal('account_inactive', 'account', named);
    if (account.currency !== line.currency) {
      throw refusal('currency_mismatch', 'currency', { ...named, currency: account.currency });
    }
    const memberId = line.memberId ?? null;
    if (account.is_control === 1 && memberId === null) throw refusal('member_required', 'member', named);
    if (account.is_control === 0 && memberId !== null) throw refusal('member_not_allowed', 'member', named);
    if (memberId !== null && !state.knownMembers.has(memberId)) throw refusal('member_unknown', 'member', at);
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount);
  }
  for (const [currency, total] of totals) {
    if (total !== 0) throw refusal('entry_unbalanced', 'lines', { currency, difference: total });
  }
}

const ROWS_PER_INSERT = 1000;

/**
 * The one door every business event goes through onto the books. Checks every entry first and writes
 * nothing unless all pass; the caller's transaction makes the event one unit. Returns the entry ids.
 */
export async function postEntries(trx: Transaction<Database>, drafts: readonly EntryDraft[], actor: Actor) {
  const state = await loadState(trx, drafts);
  drafts.forEach((draft, index) => {
    checkDraft(draft, state, actor.today, drafts.length > 1 ? { entry: index } : {});
  });
  const last = await trx
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const firstId = (last?.id ?? 0) + 1;
  const ids = drafts.map((_, index) => firstId + index);

  const entries = drafts.map((draft, index) => ({
    id: firstId + index,
    date: draft.date,
    kind: draft.kind,
    number: draft.number ?? null,
    memo: draft.memo,
    source_ref: draft.sourceRef ?? null,
    details: draft.details ? JSON.stringify(draft.details) : null,
    reverses_id: draft.reversesId ?? null,
    created_by: actor.user,
    created_at: actor.timestamp,
    lines_digest: linesDigest(
      draft.lines.map((line) => ({ ...line, memberId: line.memberId ?? null, date: draft.date })),
    ),
  }));
  const lines = drafts.flatMap((draft, index) =>
    draft.lines.map((line) => ({
      entry_id: firstId + index,
      account_id: line.accountId,
      member_id: line.memberId ?? null,
      date: draft.date,
      amount: line.amount,
    })),
  );
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('journal_entries')
      .values(entries.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('journal_lines')
      .values(lines.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
  return ids;
}

export async function postEntry(
  trx: Transaction<Database>,
  draft: EntryDraft,
  actor: Actor,
): Promise<number> {
  const [id] = await postEntries(trx, [draft], actor);
  if (id === undefined) throw new Error('postEntries returned no id');
  return id;
}

/** Posts one business event in its own transaction. */
export function post(db: Kysely<Database>, draft: EntryDraft, actor: Actor): Promise<number> {
  return db.transaction().execute((trx) => postEntry(trx, draft, actor));
}

/**
 * Corrects a posted entry the only way the books allow: a mirror entry that points back at it.
 * An entry is reversed at most once, and a reversal is never itself reversed (post the entry again).
 */
export function reverseEntry(
  db: Kysely<Database>,
  request: { entryId: number; reason: string; date: string },
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const entry = await trx
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', request.entryId)
      .executeTakeFirst();
    if (!entry) throw new DomainError('not_found', 'entryId');
    if (entry.reverses_id !== null) throw new DomainError('reversal_of_reversal', 'entryId');
    const reversed = await trx
      .selectFrom('journal_entries')
      .select('id')
      .where('reverses_id', '=', entry.id)
      .executeTakeFirst();
    if (reversed) throw new DomainError('already_reversed', 'entryId', { by: reversed.id });
    if (request.reason.trim() === '') throw new DomainError('required', 'reason');
    // Between an earlier-dated mirror and its original the books would show a correction of nothing.
    if (request.date < entry.date) throw new DomainError('date_before_entry', 'date', { date: entry.date });
    const lines = await trx
      .selectFrom('journal_lines')
      .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
      .select([
        'journal_lines.account_id',
        'journal_lines.member_id',
        'journal_lines.amount',
        'accounts.currency',
      ])
      .where('entry_id', '=', entry.id)
      .orderBy('journal_lines.id')
      .execute();
    const reversalId = await postEntry(
      trx,
      {
        date: request.date,
        kind: 'reversal',
        memo: request.reason.trim(),
        reversesId: entry.id,
        lines: lines.map((line) => {
          if (line.currency === null) throw new Error(`Entry ${entry.id} has a line on a group account`);
          return {
            accountId: line.account_id,
            memberId: line.member_id,
            currency: line.currency,
            amount: -line.amount,
          };
        }),
      },
      actor,
    );
    // Stock that moved with the entry moves back with its reversal, so stock and ledger keep agreeing.
    await reverseStockMovements(trx, entry.id, reversalId, request.date);
    return reversalId;
  });
}
