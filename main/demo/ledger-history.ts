import { type Kysely, sql, type Transaction } from 'kysely';
import type { Currency } from '../../shared/khmer';
import { convert } from '../../shared/money';
import type { SavingsProduct } from '../../shared/savings';
import type { Member } from '../../shared/schemas';
import type { Database } from '../db/schema';
import { closeMonth } from '../ledger/months';
import { type Actor, type EntryDraft, type LineDraft, postEntries } from '../ledger/posting';
import { VOUCHER_PREFIX } from '../ledger/vouchers';
import { interestMemo, penaltyOf, savingsMemo } from '../savings/accounts';
import { accruedInterest, addMonths, type BalanceChange, periodRange } from '../savings/interest-math';
import { createProduct } from '../savings/products';
import { sharesKm, sharesText } from '../shares/shares';
import {
  type Account,
  chartOf,
  DEMO_PRODUCTS,
  demoFoundingDate,
  PRODUCT_KEYS,
  type ProductKey,
  Sequences,
} from './ledger-setup';
import { createRandom } from './members';

export type MemberInfo = Pick<Member, 'id' | 'number' | 'joinDate' | 'status' | 'exitDate' | 'commune'>;

export interface DemoLedgerOptions {
  seed: number;
  years: number;
  members: readonly MemberInfo[];
  today: string;
  actor: Actor;
  /** Leave the months open for what the caller still writes (the inputs seasons), then close them itself. */
  keepMonthsOpen?: boolean;
}

export type DemoLedgerSummary = { entries: number; lines: number };

/** A member's account in a product, as the app keeps it, with what the interest run needs to know. */
interface Holding {
  id: number;
  number: string;
  key: ProductKey;
  memberId: number;
  memberNumber: number;
  openedOn: string;
  maturityOn: string | null;
  closedOn: string | null;
  /** In the database already: a closure is then an update. */
  written: boolean;
  balance: number;
  /** The balance before the period the next interest run covers, and the movements within it. */
  opening: number;
  changes: BalanceChange[];
  /** A fixed-term deposit whose interest has been credited: it may be paid out. */
  matured: boolean;
}

interface DemoProduct {
  product: SavingsProduct;
  account: Account;
  /** The product's open accounts: those the next interest run looks at. */
  open: Set<Holding>;
}

interface Saver {
  id: number;
  number: number;
  join: number;
  exit: number | null;
  /** The share of collection days the member brings riel: some save every week, some rarely. */
  thrift: number;
  savesDollars: boolean;
  shares: number;
  accounts: Record<ProductKey, Holding | null>;
}

/** A share_movements row, written once the entry it belongs to has its id. */
interface ShareRow {
  draft: EntryDraft;
  memberId: number;
  kind: 'purchase' | 'redemption';
  shares: number;
  certificate: number | null;
}

interface RunRow {
  productId: number;
  period: string;
  draft: EntryDraft | null;
}

const CURRENCIES = ['KHR', 'USD'] as const;
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const nextMonth = (month: string) => isoOf(dayOf(`${month}-28`) + 4).slice(0, 7);
/** 0 for Sunday: day 0 of the count, 1 January 1970, was a Thursday. */
const weekdayOf = (day: number) => (day + 4) % 7;

const isVoucher = (kind: string): kind is keyof typeof VOUCHER_PREFIX => kind in VOUCHER_PREFIX;

// Percent a year that the bank pays the cooperative on its deposit; savers are paid the products' rates.
const BANK_RATE = 4;
// Cash on hand above the ceiling goes to the bank at the end of the day, down to `keep`.
const CASH = {
  KHR: { ceiling: 30_000_000, keep: 10_000_000, unit: 1_000_000 },
  USD: { ceiling: 300_000, keep: 100_000, unit: 10_000 },
} as const;
// Rice farmers have money after the harvest and need it at planting time.
const HARVEST_MONTHS = new Set([1, 2, 11, 12]);
const PLANTING_MONTHS = new Set([5, 6, 7, 8]);
const ROWS_PER_INSERT = 500;

/** The cooperative's days, one after the other: what happens, as drafts, with every balance it needs. */
class History {
  readonly random: () => number;
  readonly cash: Record<Currency, number> = { KHR: 0, USD: 0 };
  readonly bank: Record<Currency, number> = { KHR: 0, USD: 0 };
  /** Cash and bank balances by account id, so that nothing is paid that is not there. */
  readonly stores = new Map<number, Record<Currency, number>>();
  drafts: EntryDraft[] = [];
  date = '';
  /** What the month writes beside its entries: accounts opened and closed, share movements, runs. */
  opened: Holding[] = [];
  closed: Holding[] = [];
  shareRows: ShareRow[] = [];
  runs: RunRow[] = [];
  private nextAccountId: number;

  constructor(
    readonly a: Awaited<ReturnType<typeof chartOf>>,
    readonly products: Record<ProductKey, DemoProduct>,
    readonly sequences: Sequences,
    seed: number,
    readonly share: { par: number; cap: number },
    lastAccountId: number,
  ) {
    // Its own stream, so that the register drawn from the same seed does not echo in the books.
    this.random = createRandom(seed ^ 0x1ed6e5);
    this.nextAccountId = lastAccountId + 1;
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

  post(
    kind: string,
    memo: string,
    lines: LineDraft[],
    details: Record<string, unknown> | null = null,
    number: string | null = null,
  ): EntryDraft {
    const voucher = isVoucher(kind) ? this.sequences.numbered(`voucher_${kind}`, VOUCHER_PREFIX[kind]) : null;
    const draft = { date: this.date, kind, number: number ?? voucher, memo, details, lines };
    this.drafts.push(draft);
    for (const line of lines) {
      const store = this.stores.get(line.accountId);
      if (store) store[line.currency] += line.amount;
    }
    return draft;
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

  /** As purchaseShares posts it: an 'SH-' number, and the next certificate for the shares bought. */
  buyShares(saver: Saver, wanted: number): void {
    const count = Math.min(wanted, this.share.cap - saver.shares);
    if (count <= 0) return;
    saver.shares += count;
    const amount = count * this.share.par;
    const number = this.sequences.numbered('share_purchase', 'SH');
    const lines = [this.line(this.a.cash.KHR, amount), this.line(this.a.shareCapital, -amount, saver.id)];
    const draft = this.post(
      'share_purchase',
      `ទិញភាគហ៊ុន ${sharesKm(count)} / ${sharesText(count)}`,
      lines,
      null,
      number,
    );
    const certificate = this.sequences.take('share_certificate');
    this.shareRows.push({ draft, memberId: saver.id, kind: 'purchase', shares: count, certificate });
  }

  /** As redeemShares posts it for a member who has gone and whose savings are paid out: shares at par. */
  redeemShares(saver: Saver): void {
    const held = saver.shares;
    const amount = held * this.share.par;
    if (held <= 0 || !this.ensureCash('KHR', amount)) return;
    const lines = [this.line(this.a.shareCapital, amount, saver.id), this.line(this.a.cash.KHR, -amount)];
    const draft = this.post(
      'share_redemption',
      `ដកភាគហ៊ុនវិញ ${sharesKm(held)} / ${sharesText(held)} redeemed`,
      lines,
    );
    this.shareRows.push({ draft, memberId: saver.id, kind: 'redemption', shares: -held, certificate: null });
    saver.shares = 0;
  }

  /** A member's first deposit in a product opens the account, as the collection day does. */
  openAccount(saver: Saver, key: ProductKey): Holding {
    const { product, open } = this.products[key];
    const holding: Holding = {
      id: this.nextAccountId++,
      number: this.sequences.numbered('savings_account', 'S'),
      key,
      memberId: saver.id,
      memberNumber: saver.number,
      openedOn: this.date,
      maturityOn: product.termMonths === null ? null : addMonths(this.date, product.termMonths),
      closedOn: null,
      written: false,
      balance: 0,
      opening: 0,
      changes: [],
      matured: false,
    };
    saver.accounts[key] = holding;
    open.add(holding);
    this.opened.push(holding);
    return holding;
  }

  closeAccount(saver: Saver, holding: Holding): void {
    holding.closedOn = this.date;
    saver.accounts[holding.key] = null;
    this.products[holding.key].open.delete(holding);
    if (holding.written) this.closed.push(holding);
  }

  move(holding: Holding, amount: number): void {
    holding.balance += amount;
    holding.changes.push({ date: this.date, amount });
  }

  deposit(saver: Saver, key: ProductKey, amount: number): void {
    const holding = saver.accounts[key] ?? this.openAccount(saver, key);
    const { product, account } = this.products[key];
    const number = this.sequences.numbered('savings_deposit', 'DP');
    const lines = [this.line(this.a.cash[account.currency], amount), this.line(account, -amount, saver.id)];
    this.post('savings_deposit', savingsMemo(product), lines, null, number);
    this.move(holding, amount);
  }

  /**
   * Pays out at most what is asked, what the account holds and what cash, with the bank's help, allows;
   * returns what was paid. As the app's withdrawal: before maturity with the product's penalty, which goes
   * back against the interest paid; `close` closes the account once nothing is left in it.
   */
  withdraw(saver: Saver, holding: Holding, wanted: number, step: number, close: boolean): number {
    const { product, account } = this.products[holding.key];
    const currency = account.currency;
    this.ensureCash(currency, wanted);
    const amount = Math.floor(Math.min(wanted, holding.balance, this.cash[currency]) / step) * step;
    if (amount <= 0) return 0;
    const early = holding.maturityOn !== null && this.date < holding.maturityOn;
    const penalty = early ? penaltyOf(amount, product.earlyPenaltyBp) : 0;
    const closing = close && amount === holding.balance;
    const lines = [
      this.line(account, amount, saver.id),
      this.line(this.a.cash[currency], -(amount - penalty)),
    ];
    if (penalty > 0) lines.push(this.line(this.a.interestPaid[currency], -penalty));
    this.post(
      closing ? 'savings_close' : 'savings_withdrawal',
      savingsMemo(product),
      lines.filter((line) => line.amount !== 0),
      penalty > 0 ? { penalty } : null,
      this.sequences.numbered('savings_withdrawal', 'WD'),
    );
    this.move(holding, -amount);
    if (closing) this.closeAccount(saver, holding);
    return amount;
  }

  /** One member at a collection day: savings in, now and then savings out, shares, a fixed deposit. */
  visit(saver: Saver, month: number): void {
    if (this.chance(0.004)) this.buyShares(saver, this.between(1, 5));
    if (this.chance(saver.thrift)) {
      // Mostly small sums; the large ones come after the harvest.
      const r = this.random();
      const amount = (10 + Math.floor(190 * r * r * r * (HARVEST_MONTHS.has(month) ? 1 : 0.6))) * 1000;
      this.deposit(saver, 'khr', amount);
    }
    if (saver.savesDollars && this.chance(0.3)) this.deposit(saver, 'usd', this.between(5, 50) * 100);
    const { khr, usd, fixed } = saver.accounts;
    if (khr && khr.balance >= 20_000 && this.chance(PLANTING_MONTHS.has(month) ? 0.1 : 0.04)) {
      this.withdraw(saver, khr, (khr.balance * this.between(20, 90)) / 100, 1000, false);
    }
    if (usd && usd.balance >= 1000 && this.chance(0.03)) {
      this.withdraw(saver, usd, (usd.balance * this.between(20, 90)) / 100, 100, false);
    }
    // Fixed deposits are made after the harvest, mostly; one is paid out, with its interest, at the first
    // visit after the interest run has credited it.
    if (fixed === null && this.chance(HARVEST_MONTHS.has(month) ? 0.01 : 0.002)) {
      this.deposit(saver, 'fixed', this.between(10, 80) * 100_000);
    } else if (fixed?.matured) this.withdraw(saver, fixed, fixed.balance, 1, true);
  }

  /**
   * A member who left or died takes out every savings balance on the day of the exit, a fixed deposit
   * before maturity at the product's penalty; the accounts are closed and the shares paid back at par.
   */
  payOut(saver: Saver): void {
    for (const key of PRODUCT_KEYS) {
      const holding = saver.accounts[key];
      if (holding === null) continue;
      if (holding.balance > 0) this.withdraw(saver, holding, holding.balance, 1, true);
      else this.closeAccount(saver, holding);
    }
    if (PRODUCT_KEYS.every((key) => saver.accounts[key] === null)) this.redeemShares(saver);
  }

  /**
   * The interest runs for a month that has ended, one per product, as postInterest would post them
   * (main/savings/interest.ts): each account's interest from accruedInterest on its daily balance, one
   * entry dated the period's last day with the expense against one line per member in member-number
   * order, and a run recorded even when nothing was earned. The balances come from what this history
   * holds rather than from the books: the same numbers, without reading the month back.
   *
   * One difference, on purpose: an account closed within the period earns nothing here, while the app's
   * run would still credit it for its days (a line after the account was closed and paid out).
   */
  runInterest(month: string): EntryDraft[] {
    const { from, to } = periodRange(month);
    const drafts: EntryDraft[] = [];
    for (const key of PRODUCT_KEYS) {
      const { product, account, open } = this.products[key];
      const credited: { holding: Holding; interest: number }[] = [];
      const accounts = [...open].sort((x, y) => x.memberNumber - y.memberNumber || x.id - y.id);
      for (const holding of accounts) {
        let interest = 0;
        if (product.posting === 'maturity') {
          const maturity = holding.maturityOn;
          if (maturity === null || maturity < from || maturity > to) continue;
          // A fixed-term deposit earns over its term, which ends the day before it matures.
          const until = isoOf(dayOf(maturity) - 1);
          holding.matured = true;
          interest = accruedInterest({
            opening: 0,
            changes: holding.changes.filter((change) => change.date <= until),
            from: holding.openedOn,
            to: until,
            annualRateBp: product.annualRateBp,
          });
        } else if (holding.opening !== 0 || holding.changes.length > 0) {
          interest = accruedInterest({
            opening: holding.opening,
            changes: holding.changes,
            from,
            to,
            annualRateBp: product.annualRateBp,
          });
        }
        if (interest > 0) credited.push({ holding, interest });
      }
      const total = credited.reduce((sum, c) => sum + c.interest, 0);
      let draft: EntryDraft | null = null;
      if (total > 0) {
        draft = {
          date: to,
          kind: 'interest',
          memo: interestMemo(product, month),
          details: { productId: product.id, period: month },
          lines: [
            {
              accountId: this.a.interestPaid[account.currency].id,
              currency: account.currency,
              amount: total,
            },
            ...credited.map((c) => ({
              accountId: account.id,
              memberId: c.holding.memberId,
              currency: account.currency,
              amount: -c.interest,
            })),
          ],
        };
        drafts.push(draft);
      }
      this.runs.push({ productId: product.id, period: month, draft });
      for (const { holding, interest } of credited) {
        holding.balance += interest;
        holding.changes.push({ date: to, amount: interest });
      }
      if (product.posting !== 'maturity') {
        for (const holding of open) {
          holding.opening = holding.balance;
          holding.changes = [];
        }
      }
    }
    return drafts;
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
      const interest = Math.round((this.bank.KHR * BANK_RATE) / 1200);
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

  /** The rows beside the month's entries, once the entries have their ids. */
  async write(trx: Transaction<Database>, entryIds: ReadonlyMap<EntryDraft, number>): Promise<void> {
    const entryOf = (draft: EntryDraft) => {
      const id = entryIds.get(draft);
      if (id === undefined) throw new Error(`no entry id for '${draft.memo}' on ${draft.date}`);
      return id;
    };
    // Closures first: a member may close an account and open another in the product within the month.
    for (const holding of this.closed) {
      await trx
        .updateTable('savings_accounts')
        .set({ closed_on: holding.closedOn })
        .where('id', '=', holding.id)
        .execute();
    }
    const accounts = this.opened.map((h) => ({
      id: h.id,
      number: h.number,
      member_id: h.memberId,
      product_id: this.products[h.key].product.id,
      opened_on: h.openedOn,
      maturity_on: h.maturityOn,
      closed_on: h.closedOn,
    }));
    for (let i = 0; i < accounts.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('savings_accounts')
        .values(accounts.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
    for (const holding of this.opened) holding.written = true;
    const movements = this.shareRows.map((row) => ({
      member_id: row.memberId,
      date: row.draft.date,
      kind: row.kind,
      shares: row.shares,
      certificate_number: row.certificate,
      entry_id: entryOf(row.draft),
    }));
    for (let i = 0; i < movements.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('share_movements')
        .values(movements.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
    if (this.runs.length > 0) {
      await trx
        .insertInto('interest_runs')
        .values(
          this.runs.map((run) => ({
            product_id: run.productId,
            period: run.period,
            entry_id: run.draft ? entryOf(run.draft) : null,
          })),
        )
        .execute();
    }
    this.opened = [];
    this.closed = [];
    this.shareRows = [];
    this.runs = [];
  }
}

function saversOf(members: readonly MemberInfo[], history: History, first: number): Saver[] {
  return [...members]
    .sort((x, y) => (x.joinDate < y.joinDate ? -1 : x.joinDate > y.joinDate ? 1 : x.id - y.id))
    .map((member) => {
      const join = dayOf(member.joinDate);
      if (join < first) throw new RangeError(`member ${member.id} joined before the go-live date`);
      const exit = member.status !== 'active' && member.exitDate ? dayOf(member.exitDate) : null;
      const thrift = history.between(30, 95) / 100;
      return {
        id: member.id,
        number: member.number,
        join,
        exit,
        thrift,
        savesDollars: history.chance(0.25),
        shares: 0,
        accounts: { khr: null, usd: null, fixed: null },
      };
    });
}

/** The demo's savings products, created through the app on the go-live date. */
async function createProducts(
  db: Kysely<Database>,
  founded: string,
): Promise<Record<ProductKey, DemoProduct>> {
  const now = { today: founded, timestamp: `${founded}T02:00:00.000Z` };
  const made = async (key: ProductKey): Promise<DemoProduct> => {
    const product = await createProduct(db, DEMO_PRODUCTS[key], now);
    const account = { id: product.accountId, code: product.accountCode, nameKm: product.nameKm };
    return { product, account: { ...account, currency: product.currency }, open: new Set() };
  };
  return { khr: await made('khr'), usd: await made('usd'), fixed: await made('fixed') };
}

/**
 * Writes `years` of a cooperative's books ending today for the members given: opening balances at the
 * go-live date, the savings products, shares with their certificates, savings collected weekly commune by
 * commune into each member's accounts with a receipt for every deposit and withdrawal, fixed deposits, the
 * office's vouchers, trips to the bank, exchanges, the interest run of every product for every month that
 * has ended; then closes every month but the last two. The same seed and today give the same books.
 * One transaction per month, one postEntries per day and one for the month's interest runs.
 */
export async function writeDemoLedger(
  db: Kysely<Database>,
  options: DemoLedgerOptions,
): Promise<DemoLedgerSummary> {
  const coop = await db.selectFrom('cooperative').selectAll().executeTakeFirst();
  const share = { par: coop?.share_par || 20_000, cap: coop?.share_cap_per_member || 50 };
  const founded = demoFoundingDate(options.today, options.years);
  const first = dayOf(founded);
  const last = dayOf(options.today);
  const chart = await chartOf(db);
  const products = await createProducts(db, founded);
  const lastAccount = await db
    .selectFrom('savings_accounts')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const sequences = await Sequences.load(db);
  const history = new History(chart, products, sequences, options.seed, share, lastAccount?.id ?? 0);
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
        history.bankSurplus();
        if (history.drafts.length > 0) days.push(history.drafts);
      }
      // The interest of a month is run once it has ended, as postInterest allows: not for this month.
      const interest = monthEnd < last ? history.runInterest(month) : [];
      await db.transaction().execute(async (trx) => {
        const ids = new Map<EntryDraft, number>();
        const postBatch = async (drafts: EntryDraft[], timestamp: string) => {
          const posted = await postEntries(trx, drafts, { ...options.actor, timestamp });
          for (const [index, draft] of drafts.entries()) {
            const id = posted[index];
            if (id !== undefined) ids.set(draft, id);
            summary.lines += draft.lines.length;
          }
          summary.entries += drafts.length;
        };
        // Recorded in the afternoon of the day itself, as the bookkeeper would have.
        for (const drafts of days) await postBatch(drafts, `${drafts[0]?.date}T09:00:00.000Z`);
        // The runs are made early on the morning after the month's last day.
        if (interest.length > 0) await postBatch(interest, `${isoOf(monthEnd + 1)}T02:00:00.000Z`);
        await history.write(trx, ids);
        await sequences.save(trx);
      });
      monthStart = monthEnd + 1;
    }
    if (!options.keepMonthsOpen) await closeDemoMonths(db, founded, options.today, options.actor);
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
export async function closeDemoMonths(db: Kysely<Database>, founded: string, today: string, actor: Actor) {
  const firstMonth = founded.slice(0, 7);
  const lastOpen = isoOf(dayOf(`${today.slice(0, 7)}-01`) - 1).slice(0, 7);
  // The year ends close their years' months first.
  const closed = new Set(
    (await db.selectFrom('closed_months').select('month').execute()).map((r) => r.month),
  );
  for (let month = firstMonth; month < lastOpen; month = nextMonth(month)) {
    if (closed.has(month)) continue;
    await closeMonth(db, month, { ...actor, timestamp: `${nextMonth(month)}-05T03:00:00.000Z` });
  }
}
