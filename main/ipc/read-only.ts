import type { Channel } from '../../shared/contract';

/**
 * The channels that answer while a review copy is open: those that only read the books, print what
 * they read, or change no books at all (the language, leaving the review copy). Every other channel is
 * refused, so a channel added later is refused until someone decides it only reads.
 */
export const REVIEW_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'prefs.get',
  'prefs.set',
  'app.status',
  'members.list',
  'members.get',
  'members.statement',
  'ledger.accounts',
  'ledger.entries',
  'ledger.months',
  'reports.trialBalance',
  'reports.balanceSheet',
  'reports.incomeStatement',
  'reports.generalLedger',
  'reports.cashBook',
  'reports.memberBalance',
  'reports.build',
  'reports.save',
  'shares.member',
  'shares.register',
  'savings.products',
  'savings.memberAccounts',
  'savings.findDepositors',
  'savings.interestRuns',
  'savings.previewInterest',
  'inputs.items',
  'inputs.suppliers',
  'inputs.memberCredit',
  'inputs.creditStatement',
  'inputs.stock',
  'inputs.aging',
  'inputs.sales',
  'backup.progress',
  'backup.chooseFile',
  'review.open',
  'review.close',
  'health.check',
]);
