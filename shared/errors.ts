// Expected failures cross the IPC boundary as data: a code the renderer turns into a sentence in the
// user's language, the field it concerns, and the values the sentence needs.
export type ErrorCode =
  | 'validation'
  | 'required'
  | 'too_long'
  | 'date_invalid'
  | 'date_in_future'
  | 'date_before_founding'
  | 'date_before_join'
  | 'date_after_first_join'
  | 'date_after_join'
  | 'date_after_exit'
  | 'phone_invalid'
  | 'national_id_invalid'
  | 'national_id_taken'
  | 'not_found'
  | 'member_not_active'
  | 'no_cooperative'
  | 'cooperative_exists'
  | 'read_only'
  | 'database_too_new'
  | 'database_missing'
  | 'not_sahakum_database'
  | 'database_damaged'
  | 'database_busy'
  | 'disk_full'
  | 'file_encoding'
  | 'file_too_large'
  | 'opening_exists'
  | 'too_many_errors'
  | 'too_many_rows'
  | 'unknown_column'
  | 'duplicate_column'
  | 'csv_invalid'
  | 'wrong_column_count'
  | 'entry_too_few_lines'
  | 'entry_unbalanced'
  | 'currency_mismatch'
  | 'account_unknown'
  | 'account_inactive'
  | 'account_is_group'
  | 'account_has_postings'
  | 'account_in_use'
  | 'account_code_taken'
  | 'account_parent_invalid'
  | 'member_required'
  | 'member_not_allowed'
  | 'member_unknown'
  | 'amount_zero'
  | 'amount_not_integer'
  | 'amount_invalid'
  | 'month_closed'
  | 'month_not_closed'
  | 'month_already_closed'
  | 'month_not_ended'
  | 'already_reversed'
  | 'reversal_of_reversal'
  | 'date_before_entry'
  | 'same_account'
  | 'insufficient_cash'
  | 'savings_account_exists'
  | 'savings_account_closed'
  | 'amount_below_minimum'
  | 'fixed_term_no_deposit'
  | 'insufficient_savings'
  | 'not_matured'
  | 'product_inactive'
  | 'product_mismatch'
  | 'period_not_ended'
  | 'interest_already_posted'
  | 'share_cap_reached'
  | 'share_par_locked'
  | 'share_capital_not_whole'
  | 'date_before_last_movement'
  | 'insufficient_shares'
  | 'same_member'
  | 'member_still_active'
  | 'no_shares'
  | 'member_has_savings'
  | 'member_owes_credit'
  | 'rate_invalid'
  | 'period_order'
  | 'save_failed'
  | 'report_too_long'
  | 'quantity_invalid'
  | 'due_before_sale'
  | 'insufficient_stock'
  | 'item_inactive'
  | 'repayment_too_large'
  | 'payment_too_large'
  | 'no_credit'
  | 'date_before_stock_movement'
  | 'backup_not_a_backup'
  | 'backup_truncated'
  | 'backup_damaged'
  | 'backup_too_new'
  | 'backup_passphrase_required'
  | 'backup_wrong_passphrase'
  | 'backup_foreign'
  | 'backup_cancelled'
  | 'unexpected';

export interface AppError {
  code: ErrorCode;
  field?: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Thrown inside the main process for an expected refusal; the router turns it into a Result. */
export class DomainError extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, field?: string, params?: Record<string, string | number>) {
    super(field ? `${code} (${field})` : code);
    this.name = 'DomainError';
    this.error = { code, ...(field ? { field } : {}), ...(params ? { params } : {}) };
  }
}
