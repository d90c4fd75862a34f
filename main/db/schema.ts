import type { Generated, Selectable } from 'kysely';
import type { MeetingsTables } from '../meetings/tables';
import type { SalesTables } from '../sales/tables';

// Table types as the database holds them (snake_case, NULL for absent). Services map them to the
// contract's shapes.
export interface CooperativeTable {
  id: number;
  name_km: string;
  name_latin: string | null;
  registration_number: string | null;
  registration_date: string | null;
  founded_on: string;
  village: string | null;
  commune: string | null;
  district: string | null;
  province: string | null;
  fiscal_year_start_month: number;
  share_par: number;
  share_cap_per_member: number;
  share_cap_percent: number;
  chair: string | null;
  vice_chair: string | null;
  treasurer: string | null;
  bookkeeper: string | null;
  internal_control: string | null;
  report_digits: 'khmer' | 'latin';
  lock_minutes: Generated<number>;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SequencesTable {
  name: string;
  next_value: number;
}

export interface MembersTable {
  id: Generated<number>;
  number: number;
  name_km: string;
  name_latin: string | null;
  sex: 'F' | 'M';
  birth_date: string | null;
  national_id: string | null;
  phone: string | null;
  village: string | null;
  commune: string | null;
  join_date: string;
  status: 'active' | 'left' | 'deceased';
  exit_date: string | null;
  exit_reason: string | null;
  next_of_kin: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export type CurrencyCode = 'KHR' | 'USD';

export interface AccountsTable {
  id: Generated<number>;
  code: string;
  name_km: string;
  name_en: string;
  type: AccountType;
  /** NULL for a group account, which gathers others and takes no postings. */
  currency: CurrencyCode | null;
  parent_id: number | null;
  is_control: number;
  is_cash: number;
  is_bank: number;
  active: number;
  role: string | null;
  created_at: string;
}

export interface JournalEntriesTable {
  id: number;
  date: string;
  kind: string;
  number: string | null;
  memo: string;
  source_ref: string | null;
  details: string | null;
  reverses_id: number | null;
  created_by: string;
  created_at: string;
  /** SHA-256 of the entry's lines (main/audit/digest.ts), so that the audit log covers them. */
  lines_digest: string | null;
}

export interface JournalLinesTable {
  id: Generated<number>;
  entry_id: number;
  account_id: number;
  member_id: number | null;
  date: string;
  amount: number;
}

export interface AccountMonthTotalsTable {
  account_id: number;
  month: string;
  amount: number;
}

export interface ClosedMonthsTable {
  month: string;
  closed_at: string;
  closed_by: string;
}

export interface MonthCloseLogTable {
  id: Generated<number>;
  month: string;
  action: 'close' | 'reopen';
  reason: string | null;
  at: string;
  by: string;
}

export interface ShareMovementsTable {
  id: Generated<number>;
  member_id: number;
  date: string;
  kind: 'opening' | 'purchase' | 'transfer_in' | 'transfer_out' | 'redemption';
  shares: number;
  certificate_number: number | null;
  counterpart_member_id: number | null;
  decision_ref: string | null;
  entry_id: number;
}

export interface SavingsProductsTable {
  id: Generated<number>;
  name_km: string;
  name_en: string;
  currency: CurrencyCode;
  kind: 'ordinary' | 'fixed';
  term_months: number | null;
  annual_rate_bp: number;
  posting: 'monthly' | 'quarterly' | 'yearly' | 'maturity';
  min_opening_deposit: number;
  early_withdrawal: number;
  early_penalty_bp: number;
  account_id: number;
  active: Generated<number>;
  created_at: string;
}

export interface SavingsAccountsTable {
  id: Generated<number>;
  number: string;
  member_id: number;
  product_id: number;
  opened_on: string;
  maturity_on: string | null;
  closed_on: string | null;
}

export interface InterestRunsTable {
  product_id: number;
  period: string;
  entry_id: number | null;
}

export type InputUnitCode = string;

export interface InputSuppliersTable {
  id: Generated<number>;
  name: string;
  phone: string | null;
  village: string | null;
  created_at: string;
}

export interface InputItemsTable {
  id: Generated<number>;
  name_km: string;
  name_latin: string | null;
  unit: InputUnitCode;
  sale_price: number;
  stock_account_id: number;
  income_account_id: number;
  active: Generated<number>;
  created_at: string;
}

export interface InputPurchasesTable {
  id: Generated<number>;
  number: string;
  supplier_id: number;
  date: string;
  payment: 'cash' | 'credit';
  currency: CurrencyCode;
  rate: string | null;
  reference: string | null;
  value: number;
  amount: number;
  entry_id: number;
}

export interface InputSupplierPaymentsTable {
  id: Generated<number>;
  number: string;
  supplier_id: number;
  date: string;
  amount: number;
  entry_id: number;
}

export interface InputSalesTable {
  id: Generated<number>;
  number: string;
  member_id: number;
  date: string;
  payment: 'cash' | 'credit';
  due_date: string | null;
  charge_kind: 'none' | 'flat' | 'rate';
  charge_value: number;
  goods: number;
  charge: number;
  cost: number;
  entry_id: number;
}

export interface InputRepaymentsTable {
  id: Generated<number>;
  number: string;
  member_id: number;
  date: string;
  amount: number;
  sale_id: number | null;
  entry_id: number;
}

export type InputMovementKind = 'purchase' | 'sale' | 'damage' | 'loss' | 'found' | 'count' | 'reversal';

export interface InputMovementsTable {
  id: Generated<number>;
  item_id: number;
  date: string;
  kind: InputMovementKind;
  quantity: number;
  value: number;
  unit_price: number | null;
  amount: number | null;
  purchase_id: number | null;
  sale_id: number | null;
  note: string | null;
  entry_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'admin' | 'bookkeeper' | 'board' | 'reviewer';
  password_hash: string;
  active: Generated<number>;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface Database extends MeetingsTables, SalesTables {
  cooperative: CooperativeTable;
  users: UsersTable;
  sequences: SequencesTable;
  members: MembersTable;
  accounts: AccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  account_month_totals: AccountMonthTotalsTable;
  closed_months: ClosedMonthsTable;
  month_close_log: MonthCloseLogTable;
  share_movements: ShareMovementsTable;
  savings_products: SavingsProductsTable;
  savings_accounts: SavingsAccountsTable;
  interest_runs: InterestRunsTable;
  input_suppliers: InputSuppliersTable;
  input_items: InputItemsTable;
  input_purchases: InputPurchasesTable;
  input_supplier_payments: InputSupplierPaymentsTable;
  input_sales: InputSalesTable;
  input_repayments: InputRepaymentsTable;
  input_movements: InputMovementsTable;
}

export type SavingsProductRecord = Selectable<SavingsProductsTable>;
export type SavingsAccountRecord = Selectable<SavingsAccountsTable>;

export type AccountRecord = Selectable<AccountsTable>;

export type CooperativeRow = Selectable<CooperativeTable>;
export type MemberRecord = Selectable<MembersTable>;
