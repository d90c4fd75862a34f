import type { Currency } from './khmer';

/** Money in one currency: what the cash boxes and the bank hold, or what members hold in savings. */
export interface CurrencyAmount {
  currency: Currency;
  amount: number;
}

/** One month end of the home screen's charts, oldest first. */
export interface HomeTrendPoint {
  /** YYYY-MM: the figures are at the end of this month (today, for the month we are in). */
  month: string;
  savingsKhr: number;
  savingsUsd: number;
  shareCapital: number;
  /** Riel savings paid in and paid out in the month (interest is neither; a reversal takes its own kind back). */
  depositsKhr: number;
  withdrawalsKhr: number;
  /** Members at the month's end. */
  members: number;
}

/** The first screen's figures (SPEC 2.11), all at the end of `today`. */
export interface HomeSummary {
  today: string;
  cash: CurrencyAmount[];
  bank: CurrencyAmount[];
  members: { active: number; women: number; newThisMonth: number };
  shareCapital: number;
  savings: CurrencyAmount[];
  /** Riel owed by members for farm inputs; null for a cooperative that has never sold on credit. */
  inputCredit: { outstanding: number; overdue: number } | null;
  /** Months that have ended and are not closed, oldest first (YYYY-MM). */
  openMonths: string[];
  /** When the last automatic backup was made (ISO), or null when none is there. */
  lastBackup: string | null;
  trend: HomeTrendPoint[];
}
