import { type Kysely, sql } from 'kysely';
import type { Currency } from '../../shared/khmer';
import { convert } from '../../shared/money';
import type { Member } from '../../shared/schemas';
import type { Database } from '../db/schema';
import { takeNextNumber } from '../db/sequences';
import { closeMonth } from '../ledger/months';
import { type Actor, type EntryDraft, type LineDraft, postEntries } from '../ledger/posting';
import { createRandom } from './members';

export type MemberInfo = Pick<Member, 'id' | 'joinDate' | 'status' | 'exitDate' | 'commune'>;

export interface DemoLedgerOptions {
  seed: number;
  years: number;
  members: readonly MemberInfo[];
  today: string;
  actor: Actor;
}

export type DemoLedgerSummary = { entries: number; lines: number };

type Account = { id: number; code: string; nameKm: string; currency: Currency };

interface Saver {
  id: number;
  join: number;
  exit: number | null;
  /** The share of collection days the member brings riel: some save every week, some rarely. */
  thrift: number;
  savesDollars: boolean;
  shares: number;
  khr: number;
  usd: number;
  fixed: { account: Account; amount: number; due: number; months: number } | null;
  /** The year's month-end balances: interest is paid on their average. */
  khrMonths: number;
  usdMonths: number;
}

const CURRENCIES = ['KHR', 'USD'] as const;
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const nextMonth = (month: string) => isoOf(dayOf(`${month}-28`) + 4).slice(0, 7);
/** 0 for Sunday: day 0 of the count, 1 January 1970, was a Thursday. */
const weekdayOf = (day: number) => (day + 4) % 7;

const PREFIX = { receipt: 'RV', payment: 'PV', transfer: 'TR', exchange: 'EX' } as const;
const isVoucher = (kind: string): kind is keyof typeof PREFIX => kind in PREFIX;

// Percent a year: what savers are paid, and what the bank pays the cooperative on its deposit.
const RATE = { ordinaryKhr: 3, ordinaryUsd: 2, fixedKhr: 6, fixedUsd: 4, bank: 4 };
// Cash on hand above the ceiling goes to the bank at the end of the day, down to `keep`.
const CASH = {
  KHR: { ceiling: 30_000_000, keep: 10_000_000, unit: 1_000_000 },
  USD: { ceiling: 300_000, keep: 100_000, unit: 10_000 },
} as const;
// Rice farmers have money after the harvest and need it at planting time.
const HARVEST_MONTHS = new Set([1, 2, 11, 12]);
const PLANTING_MONTHS = new Set([5, 6, 7, 8]);

/** The go-live date of a demo history `years` long: the same day of the year, `years` back. */
export function demoFoundingDate(today: string, years: number): string {
  const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}-${monthDay}`;
}

async function chartOf(db: Kysely<Database>) {
  const rows = await db.selectFrom('accounts').selectAll().where('role', 'is not', null).execute();
  const byRole = new Map(rows.map((row) => [row.role, row]));
  const account = (role: string): Account => {
    const row = byRole.get(role);
    if (!row?.currency) throw new Error(`The chart of accounts has no posting account for '${role}'`);
    return { id: row.id, code: row.code, nameKm: row.name_km, currency: row.currency };
  };
  const pair = (khr: string, usd: string) => ({ KHR: account(khr), USD: account(usd) });
  return {
    cash: pair('cash_khr', 'cash_usd'),
    bank: pair('bank_khr', 'bank_usd'),
    savings: pair('savings_ordinary_khr', 'savings_ordinary_usd'),
    fixed: pair('savings_fixed_khr', 'savings_fixed_usd'),
    conversion: pair('conversion_khr', 'conversion_usd'),
    difference: pair('exchange_difference_khr', 'exchange_difference_usd'),
    openingEquity: pair('opening_khr', 'opening_usd'),
    interestPaid: pair('interest_paid_khr', 'interest_paid_usd'),
    reserve: account('reserve_fund'),
    shareCapital: account('share_capital'),
    allowances: account('allowances'),
    transport: account('transport'),
    stationery: account('stationery'),
    bankFees: account('bank_fees_khr'),
    serviceFees: account('service_fees'),
    bankInterest: account('interest_received_khr'),
    otherIncome: account('other_income'),
  };
}

/** The cooperative's days, one after the other: what happens, as drafts, with every balance it needs. */
class History {
  readonly random: () => number;
  readonly cash: Record<Currency, number> = { KHR: 0, USD: 0 };
  readonly bank: Record<Currency, number> = { KHR: 0, USD: 0 };
  /** Cash and bank balances by account id, so that nothing is paid that is not there. */
  readonly stores = new Map<number, Record<Currency, number>>();
  drafts: EntryDraft[] = [];
  day = 0;
  date = '';

  constructor(
    readonly a: Awaited<ReturnType<typeof chartOf>>,
    seed: number,
    readonly share: { par: number; cap: number },
  ) {
    // Its own stream, so that the register drawn from the same seed does not echo in the books.
    this.random = createRandom(seed ^ 0x1ed6e5);
    for (const currency of CURRENCIES) {
      this.stores.set(a.cash[currency].id, this.cash);
      this.stores.set(a.bank[currency].id, this.bank);
    }
  }

  between(low: number, high: number, step = 1): number {
    return (low / step + Math.floor(this.random() * (Math.floor((high - low) / step) + 1))) * step;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  line(account: Account, amount: number, memberId: number | null = null): LineDraft {
    return { accountId: account.id, currency: account.currency, amount, memberId };
  }

  post(kind: string, memo: string, lines: LineDraft[], details: Record<string, unknown> | null = null) {
    this.drafts.push({ date: this.date, kind, memo, details, lines });
    for (const line of lines) {
      const store = this.stores.get(line.accountId);
      if (store) store[line.currency] += line.amount;
    }
  }

  canPay(money: Account, amount: number): boolean {
    return (this.stores.get(money.id)?.[money.currency] ?? 0) >= amount;
  }

  voucher(direction: 'receipt' | 'payment', money: Account, head: Account, amount: number, party = '') {
    if (amount <= 0 || (direction === 'payment' && !this.canPay(money, amount))) return;
    const sign = direction === 'receipt' ? 1 : -1;
    this.post(direction, head.nameKm, [this.line(money, sign * amount), this.line(head, -sign * amount)], {
      party,
    });
  }

  transfer(from: Account, to: Account, amount: number) {
    if (amount <= 0) return;
    this.post('transfer', `${from.code} → ${to.code}`, [this.line(to, amount), this.line(from, -amount)]);
  }

  /** As a voucher exchange is posted: each currency balances through its conversion account. */
  exchange(from: Account, to: Account, given: number, rate: string, received: number) {
    const expected = convert(given, from.currency, rate);
    if (expected === null || !this.canPay(from, given)) return;
    const lines = [
      this.line(from, -given),
      this.line(this.a.conversion[from.currency], given),
      this.line(this.a.conversion[to.currency], -expected),
      this.line(to, received),
    ];
    if (expected !== received) lines.push(this.line(this.a.difference[to.currency], expected - received));
    this.post('exchange', `${from.currency} → ${to.currency} @ ${rate}`, lines, { rate, expected });
  }

  /** Fetches money from the bank before a payment that cash on hand cannot make. */
  ensureCash(currency: Currency, amount: number): boolean {
    const short = amount - this.cash[currency];
    if (short <= 0) return true;
    const { keep, unit } = CASH[currency];
    const wanted = Math.ceil((short + keep) / unit) * unit;
    this.transfer(this.a.bank[currency], this.a.cash[currency], Math.min(wanted, this.bank[currency]));
    return this.cash[currency] >= amount;
  }

  /** The day's surplus goes to the bank: a village office is no place to keep it. */
  bankSurplus(): void {
    for (const currency of CURRENCIES) {
      const { ceiling, keep, unit } = CASH[currency];
      if (this.cash[currency] <= ceiling) continue;
      const amount = Math.floor((this.cash[currency] - keep) / unit) * unit;
      this.transfer(this.a.cash[currency], this.a.bank[currency], amount);
    }
  }

  opening(): void {
    const { a } = this;
    const cashKhr = this.between(2_000_000, 6_000_000, 100_000);
    const bankKhr = this.between(8_000_000, 20_000_000, 500_000);
    const reserve = this.between(2_000_000, 5_000_000, 500_000);
    const cashUsd = this.between(20_000, 80_000, 1_000);
    const bankUsd = this.between(50_000, 300_000, 10_000);
    this.post('opening', 'សមតុល្យដើមគ្រា / Opening balances', [
      this.line(a.cash.KHR, cashKhr),
      this.line(a.bank.KHR, bankKhr),
      this.line(a.reserve, -reserve),
      this.line(a.openingEquity.KHR, reserve - cashKhr - bankKhr),
      this.line(a.cash.USD, cashUsd),
      this.line(a.bank.USD, bankUsd),
      this.line(a.openingEquity.USD, -cashUsd - bankUsd),
    ]);
  }

  buyShares(saver: Saver, wanted: number): void {
    const count = Math.min(wanted, this.share.cap - saver.shares);
    if (count <= 0) return;
    saver.shares += count;
    const amount = count * this.share.par;
    const lines = [this.line(this.a.cash.KHR, amount), this.line(this.a.shareCapital, -amount, saver.id)];
    this.post('share_purchase', `ទិញភាគហ៊ុន ${count} ហ៊ុន`, lines, { shares: count });
  }

  deposit(saver: Saver, account: Account, amount: number, memo = 'ដាក់ប្រាក់សន្សំ'): void {
    const lines = [this.line(this.a.cash[account.currency], amount), this.line(account, -amount, saver.id)];
    this.post('savings_deposit', memo, lines);
  }

  /** Pays out at most what is asked and what cash, with the bank's help, allows; returns what was paid. */
  withdraw(saver: Saver, account: Account, wanted: number, step: number): number {
    this.ensureCash(account.currency, wanted);
    const amount = Math.floor(Math.min(wanted, this.cash[account.currency]) / step) * step;
    if (amount <= 0) return 0;
    const lines = [this.line(account, amount, saver.id), this.line(this.a.cash[account.currency], -amount)];
    this.post('savings_withdrawal', 'ដកប្រាក់សន្សំ', lines);
    return amount;
  }

  /** One member at a collection day: savings in, now and then savings out, shares, a fixed deposit. */
  visit(saver: Saver, month: number): void {
    const { savings } = this.a;
    if (this.chance(0.004)) this.buyShares(saver, this.between(1, 5));
    if (this.chance(saver.thrift)) {
      // Mostly small sums; the large ones come after the harvest.
      const r = this.random();
      const amount = (10 + Math.floor(190 * r * r * r * (HARVEST_MONTHS.has(month) ? 1 : 0.6))) * 1000;
      saver.khr += amount;
      this.deposit(saver, savings.KHR, amount);
    }
    if (saver.savesDollars && this.chance(0.3)) {
      const cents = this.between(5, 50) * 100;
      saver.usd += cents;
      this.deposit(saver, savings.USD, cents);
    }
    if (saver.khr >= 20_000 && this.chance(PLANTING_MONTHS.has(month) ? 0.1 : 0.04)) {
      saver.khr -= this.withdraw(saver, savings.KHR, (saver.khr * this.between(20, 90)) / 100, 1000);
    }
    if (saver.usd >= 1000 && this.chance(0.03)) {
      saver.usd -= this.withdraw(saver, savings.USD, (saver.usd * this.between(20, 90)) / 100, 100);
    }
    if (saver.fixed === null && this.chance(0.0015)) this.openFixed(saver);
    else if (saver.fixed !== null && saver.fixed.due <= this.day) this.closeFixed(saver, true);
  }

  openFixed(saver: Saver): void {
    const dollars = saver.savesDollars && this.chance(0.5);
    const account = dollars ? this.a.fixed.USD : this.a.fixed.KHR;
    const amount = dollars ? this.between(100, 1500, 50) * 100 : this.between(1_000_000, 8_000_000, 100_000);
    const months = this.chance(0.5) ? 6 : 12;
    saver.fixed = { account, amount, due: this.day + Math.round(months * 30.4), months };
    this.deposit(saver, account, amount, `ប្រាក់បញ្ញើមានកាលកំណត់ ${months} ខែ`);
  }

  /** At maturity the term's interest is credited, then the deposit is paid out; early, without interest. */
  closeFixed(saver: Saver, matured: boolean): void {
    const fixed = saver.fixed;
    if (fixed === null) return;
    const unit = fixed.account.currency === 'KHR' ? 100 : 1;
    const rate = unit === 100 ? RATE.fixedKhr : RATE.fixedUsd;
    const interest = Math.round((fixed.amount * rate * fixed.months) / 1200 / unit) * unit;
    if (matured && interest > 0) {
      const expense = this.a.interestPaid[fixed.account.currency];
      const lines = [this.line(expense, interest), this.line(fixed.account, -interest, saver.id)];
      this.post('interest', `ការប្រាក់ប្រាក់បញ្ញើ ${fixed.months} ខែ`, lines);
      fixed.amount += interest;
    }
    fixed.amount -= this.withdraw(saver, fixed.account, fixed.amount, 1);
    // What cash could not pay today stays on deposit for another term.
    saver.fixed = fixed.amount > 0 ? { ...fixed, due: this.day + 365, months: 12 } : null;
  }

  /** A member who left or died takes out every savings balance on the day of the exit. */
  payOut(saver: Saver): void {
    saver.khr -= this.withdraw(saver, this.a.savings.KHR, saver.khr, 1);
    saver.usd -= this.withdraw(saver, this.a.savings.USD, saver.usd, 1);
    this.closeFixed(saver, false);
  }

  /** Interest on ordinary savings for the year, on the average of the month-end balances. */
  yearlyInterest(savers: readonly Saver[], year: number): void {
    for (const currency of CURRENCIES) {
      const khr = currency === 'KHR';
      const lines: LineDraft[] = [];
      let total = 0;
      for (const saver of savers) {
        const sum = khr ? saver.khrMonths : saver.usdMonths;
        const interest = khr
          ? Math.round((sum * RATE.ordinaryKhr) / 1200 / 100) * 100
          : Math.round((sum * RATE.ordinaryUsd) / 1200);
        if (interest <= 0 || (saver.exit !== null && saver.exit <= this.day)) continue;
        lines.push(this.line(this.a.savings[currency], -interest, saver.id));
        total += interest;
        if (khr) saver.khr += interest;
        else saver.usd += interest;
      }
      if (total === 0) continue;
      const expense = this.line(this.a.interestPaid[currency], total);
      this.post('interest', `ការប្រាក់ប្រាក់សន្សំឆ្នាំ ${year}`, [expense, ...lines]);
    }
    for (const saver of savers) {
      saver.khrMonths = 0;
      saver.usdMonths = 0;
    }
  }

  /** The office's own money: allowances, transport, stationery, fees, the bank's interest, exchanges. */
  officeDay(dayOfMonth: number, lastOfMonth: boolean, active: number): void {
    const { a } = this;
    if (dayOfMonth === 25) {
      const allowances = Math.round((400_000 + 300 * active) / 10_000) * 10_000;
      if (this.ensureCash('KHR', allowances)) this.voucher('payment', a.cash.KHR, a.allowances, allowances);
    }
    if (dayOfMonth === 28) {
      this.voucher('receipt', a.cash.KHR, a.serviceFees, Math.max(10, active) * 1000, 'សមាជិក');
    }
    if (this.chance(2 / 30)) {
      this.voucher('payment', a.cash.KHR, a.transport, this.between(20_000, 150_000, 5000));
    }
    if (this.chance(0.5 / 30)) {
      this.voucher('payment', a.cash.KHR, a.stationery, this.between(10_000, 120_000, 1000));
    }
    if (this.chance(0.15 / 30)) {
      this.voucher('receipt', a.cash.KHR, a.otherIncome, this.between(50_000, 1_500_000, 10_000));
    }
    if (this.chance(4 / 365)) this.exchangeDay();
    if (lastOfMonth) {
      const interest = Math.round((this.bank.KHR * RATE.bank) / 1200);
      this.voucher('receipt', a.bank.KHR, a.bankInterest, interest, 'ធនាគារ');
      this.voucher('payment', a.bank.KHR, a.bankFees, 5_000, 'ធនាគារ');
    }
  }

  /** Dollars sold for riel when many have come in, otherwise a few bought for dollar withdrawals. */
  exchangeDay(): void {
    const { cash } = this.a;
    const whole = this.between(4000, 4150);
    const rate = this.chance(0.3) ? `${whole}.5` : String(whole);
    // The changer pays in notes: nothing under 100 riel, no coins for cents.
    if (this.cash.USD >= 80_000 && this.chance(0.6)) {
      const given = this.between(200, Math.min(1500, this.cash.USD / 100 - 50), 50) * 100;
      this.exchange(
        cash.USD,
        cash.KHR,
        given,
        rate,
        Math.floor((convert(given, 'USD', rate) ?? 0) / 100) * 100,
      );
    } else {
      const riel = convert(this.between(100, 500, 50) * 100, 'USD', rate) ?? 0;
      const given = Math.ceil(riel / 1000) * 1000;
      const cents = Math.floor((convert(given, 'KHR', rate) ?? 0) / 100) * 100;
      if (this.ensureCash('KHR', given)) this.exchange(cash.KHR, cash.USD, given, rate, cents);
    }
  }
}

const NEW_SAVER = { shares: 0, khr: 0, usd: 0, fixed: null, khrMonths: 0, usdMonths: 0 } as const;

function saversOf(members: readonly MemberInfo[], history: History, first: number): Saver[] {
  return [...members]
    .sort((x, y) => (x.joinDate < y.joinDate ? -1 : x.joinDate > y.joinDate ? 1 : x.id - y.id))
    .map((member) => {
      const join = dayOf(member.joinDate);
      if (join < first) throw new RangeError(`member ${member.id} joined before the go-live date`);
      const exit = member.status !== 'active' && member.exitDate ? dayOf(member.exitDate) : null;
      const thrift = history.between(30, 95) / 100;
      return { ...NEW_SAVER, id: member.id, join, exit, thrift, savesDollars: history.chance(0.25) };
    });
}

/**
 * Writes `years` of a cooperative's books ending today for the members given: opening balances at the
 * go-live date, shares, savings collected weekly commune by commune, fixed deposits, the office's
 * vouchers, trips to the bank, exchanges, yearly interest; then closes every month but the last two.
 * The same seed and today give the same books. One transaction per month, one postEntries per day.
 */
export async function writeDemoLedger(
  db: Kysely<Database>,
  options: DemoLedgerOptions,
): Promise<DemoLedgerSummary> {
  const coop = await db.selectFrom('cooperative').selectAll().executeTakeFirst();
  const share = { par: coop?.share_par || 20_000, cap: coop?.share_cap_per_member || 50 };
  const history = new History(await chartOf(db), options.seed, share);
  const first = dayOf(demoFoundingDate(options.today, options.years));
  const last = dayOf(options.today);
  const savers = saversOf(options.members, history, first);
  const joining = groupBy(savers, (s) => s.join);
  const leaving = groupBy(savers, (s) => s.exit);
  // Each commune brings its savings on its own weekday, so that a collection day stays a day's work.
  const communes = [...new Set(options.members.map((m) => m.commune))].sort();
  const commune = new Map(options.members.map((m) => [m.id, communes.indexOf(m.commune)]));
  const collecting = groupBy(savers, (s) => 1 + ((commune.get(s.id) ?? 0) % 5));

  // Member lines land all over the member index; with SQLite's default 2 MB cache each month's
  // transaction spills and rereads the same pages. A larger one while writing saves about a third.
  const cacheSize = (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size;
  await sql`PRAGMA cache_size = -131072`.execute(db);
  const summary: DemoLedgerSummary = { entries: 0, lines: 0 };
  try {
    let active = 0;
    for (let monthStart = first; monthStart <= last; ) {
      const month = isoOf(monthStart).slice(0, 7);
      const monthEnd = dayOf(`${nextMonth(month)}-01`) - 1;
      const days: EntryDraft[][] = [];
      for (let day = monthStart; day <= Math.min(monthEnd, last); day++) {
        history.day = day;
        history.date = isoOf(day);
        history.drafts = [];
        if (day === first) history.opening();
        for (const saver of joining.get(day) ?? []) history.buyShares(saver, history.between(1, 10));
        for (const saver of leaving.get(day) ?? []) history.payOut(saver);
        active += (joining.get(day)?.length ?? 0) - (leaving.get(day)?.length ?? 0);
        for (const saver of collecting.get(weekdayOf(day)) ?? []) {
          if (saver.join < day && (saver.exit === null || saver.exit > day)) {
            history.visit(saver, Number(month.slice(5)));
          }
        }
        history.officeDay(Number(history.date.slice(8)), day === monthEnd, active);
        if (day === monthEnd) {
          for (const saver of savers) {
            saver.khrMonths += saver.khr;
            saver.usdMonths += saver.usd;
          }
          if (month.endsWith('-12')) history.yearlyInterest(savers, Number(month.slice(0, 4)));
        }
        history.bankSurplus();
        if (history.drafts.length > 0) days.push(history.drafts);
      }
      await db.transaction().execute(async (trx) => {
        for (const drafts of days) {
          for (const draft of drafts) {
            if (!isVoucher(draft.kind)) continue;
            const n = await takeNextNumber(trx, `voucher_${draft.kind}`);
            draft.number = `${PREFIX[draft.kind]}-${String(n).padStart(6, '0')}`;
          }
          // Recorded in the afternoon of the day itself, as the bookkeeper would have.
          const timestamp = `${drafts[0]?.date}T09:00:00.000Z`;
          await postEntries(trx, drafts, { ...options.actor, timestamp });
          summary.entries += drafts.length;
          for (const draft of drafts) summary.lines += draft.lines.length;
        }
      });
      monthStart = monthEnd + 1;
    }
    await closeOldMonths(db, isoOf(first).slice(0, 7), options.today, options.actor);
  } finally {
    await sql.raw(`PRAGMA cache_size = ${cacheSize ?? -2000}`).execute(db);
  }
  return summary;
}

function groupBy(savers: readonly Saver[], key: (saver: Saver) => number | null): Map<number, Saver[]> {
  const groups = new Map<number, Saver[]>();
  for (const saver of savers) {
    const k = key(saver);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(saver);
    else groups.set(k, [saver]);
  }
  return groups;
}

/** The board has approved every month but the last two: those are closed, as the app closes a month. */
async function closeOldMonths(db: Kysely<Database>, firstMonth: string, today: string, actor: Actor) {
  const lastOpen = isoOf(dayOf(`${today.slice(0, 7)}-01`) - 1).slice(0, 7);
  for (let month = firstMonth; month < lastOpen; month = nextMonth(month)) {
    await closeMonth(db, month, { ...actor, timestamp: `${nextMonth(month)}-05T03:00:00.000Z` });
  }
}
