import { createHash } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface DigestLine {
  accountId: number;
  memberId: number | null;
  date: string;
  amount: number;
}

/**
 * A journal entry's lines as one canonical text, in line order, hashed into the entry's `lines_digest`:
 * lines are not in the audit log themselves (their entry is), so this is what ties them to the chain.
 * LINES_TEXT_SQL builds the same text in SQLite for the check; both must stay byte for byte equal.
 */
export const linesDigest = (lines: readonly DigestLine[]): string =>
  sha256(lines.map((l) => `${l.accountId}|${l.memberId ?? ''}|${l.date}|${l.amount}`).join('\n'));

export const LINES_TEXT_SQL = `group_concat(account_id || '|' || ifnull(member_id, '') || '|' || date || '|' || amount,
  char(10) ORDER BY id)`;
