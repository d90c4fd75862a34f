import type { AuditFinding } from './audit';

// The health check of a cooperative's books (SPEC 2.10): what a reviewer asks before trusting them. Each
// finding names where it is (an entry, a member, an account, a day), so that the screen can open it.
export type HealthCheckName = 'balance' | 'control' | 'savings' | 'closed_months' | 'cash' | 'audit';
export const HEALTH_CHECKS: readonly HealthCheckName[] = [
  'balance',
  'control',
  'savings',
  'closed_months',
  'cash',
  'audit',
];

export type HealthFinding =
  | { check: 'balance'; kind: 'books'; currency: string; amount: number }
  | {
      check: 'balance';
      kind: 'entry';
      entryId: number;
      number: string | null;
      date: string;
      currency: string;
      amount: number;
    }
  | { check: 'control'; kind: 'no_member'; accountId: number; accountCode: string; amount: number }
  | {
      check: 'control';
      kind: 'month_totals';
      accountId: number;
      accountCode: string;
      month: string;
      totals: number;
      lines: number;
    }
  | {
      check: 'savings';
      kind: 'negative';
      memberId: number;
      memberNumber: number;
      memberName: string;
      accountId: number;
      accountCode: string;
      balance: number;
    }
  | {
      check: 'closed_months';
      kind: 'posted_after_close';
      entryId: number;
      number: string | null;
      date: string;
      month: string;
      closedAt: string;
      createdAt: string;
    }
  | {
      check: 'cash';
      kind: 'negative';
      accountId: number;
      accountCode: string;
      currency: string;
      date: string;
      balance: number;
      days: number;
    }
  /** The audit chain (main/audit/verify.ts): the first place it or the books disagree with it. */
  | { check: 'audit'; kind: 'audit'; finding: AuditFinding };

export interface HealthReport {
  /** Per check, how many findings it made (0: the check passed). */
  checks: Record<HealthCheckName, number>;
  /** The findings, at most `limit` of them; `checks` counts them all. */
  findings: HealthFinding[];
  healthy: boolean;
}
