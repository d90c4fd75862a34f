import { ACCOUNT_TYPES, type Account, type AccountType } from '../../../shared/ledger';

export interface ChartRow {
  account: Account;
  /** 0 for a top-level account, one more for each group above it. */
  depth: number;
  hasChildren: boolean;
}

/**
 * The chart as a bookkeeper reads it: one section per type, each account under its group in code order.
 * An account whose parent is missing from the list is shown at the top of its section rather than lost.
 */
export function chartSections(accounts: readonly Account[]): { type: AccountType; rows: ChartRow[] }[] {
  const known = new Set(accounts.map((a) => a.id));
  const children = new Map<number | null, Account[]>();
  for (const account of accounts) {
    const parent = account.parentId !== null && known.has(account.parentId) ? account.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), account]);
  }
  const rows: ChartRow[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const account of list) {
      if (seen.has(account.id)) continue;
      seen.add(account.id);
      rows.push({ account, depth, hasChildren: children.has(account.id) });
      walk(account.id, depth + 1);
    }
  };
  walk(null, 0);
  return ACCOUNT_TYPES.map((type) => ({ type, rows: rows.filter((r) => r.account.type === type) }));
}

/** Deleting is offered only where the main process would allow it: never posted, no children, no role. */
export const canDelete = (row: ChartRow) =>
  !row.account.hasPostings && !row.hasChildren && row.account.role === null;
