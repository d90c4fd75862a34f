// Every kind of journal entry the app posts: the business event an entry records. posting.ts takes only
// these, so a new kind does not compile until it is listed here, and the journal's dictionaries
// (renderer/i18n/sections/vouchers.ts) must give it Khmer and English words (tests/renderer/words.test.ts).
export const ENTRY_KINDS = [
  'opening',
  'receipt',
  'payment',
  'transfer',
  'exchange',
  'reversal',
  'share_purchase',
  'share_transfer',
  'share_redemption',
  'savings_deposit',
  'savings_withdrawal',
  'savings_close',
  'interest',
  'input_purchase',
  'input_supplier_payment',
  'input_sale',
  'input_repayment',
  'input_adjustment',
  'input_count',
  'sales_sale',
  'sales_receipt',
  'sales_cost',
  'sales_payout',
  'sales_payment',
  'year_close',
  'year_payout',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];
