import type { Channel } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { type Permission, roleMay, type SessionUser } from '../../shared/users';

/**
 * What each channel needs (shared/users.ts says which role has what). A Record over every channel, so
 * that a channel added to the contract does not compile until someone decides who may use it.
 *
 * 'open' channels answer before anyone signs in: the language, the first-run wizard, signing in, the
 * demo (its own file) and opening a backup for review (which shows that backup's books, never the
 * laptop's; a reviewer's laptop may have no books of its own). 'read' channels change no books, so they
 * also answer on a review copy; every other channel is refused there.
 */
export const CHANNEL_PERMISSIONS: Readonly<Record<Channel, Permission>> = {
  'prefs.get': 'open',
  'prefs.set': 'open',
  'app.status': 'open',
  'app.openDemo': 'open',
  'app.leaveDemo': 'open',
  'cooperative.create': 'open',
  'auth.createFirstAdmin': 'open',
  'auth.signIn': 'open',
  'auth.unlock': 'open',
  'review.open': 'open',
  'review.close': 'open',
  'backup.chooseFile': 'open',
  // From the lock screen too: someone else signs in instead.
  'auth.signOut': 'open',

  'auth.lock': 'read',
  'members.list': 'read',
  'members.get': 'read',
  'members.statement': 'read',
  'ledger.accounts': 'read',
  'ledger.entries': 'read',
  'ledger.months': 'read',
  'reports.trialBalance': 'read',
  'reports.balanceSheet': 'read',
  'reports.incomeStatement': 'read',
  'reports.generalLedger': 'read',
  'reports.cashBook': 'read',
  'reports.memberBalance': 'read',
  'reports.build': 'read',
  'reports.save': 'read',
  'shares.member': 'read',
  'shares.register': 'read',
  'savings.products': 'read',
  'savings.memberAccounts': 'read',
  'savings.findDepositors': 'read',
  'savings.interestRuns': 'read',
  'savings.previewInterest': 'read',
  'inputs.items': 'read',
  'inputs.suppliers': 'read',
  'inputs.memberCredit': 'read',
  'inputs.creditStatement': 'read',
  'inputs.stock': 'read',
  'inputs.aging': 'read',
  'inputs.sales': 'read',
  'home.summary': 'read',
  'search.global': 'read',
  'backup.progress': 'read',
  'health.check': 'read',
  'audit.list': 'read',
  'audit.verify': 'read',
  'review.changes': 'read',
  'sales.campaigns': 'read',
  'sales.campaign': 'read',
  'sales.deliveries': 'read',
  'sales.payoutSheet': 'read',
  'bylaws.get': 'read',
  'meetings.list': 'read',
  'meetings.get': 'read',
  'year.status': 'read',

  'auth.changePassword': 'self',

  'backup.create': 'backup',
  'backup.cancel': 'backup',
  'backup.list': 'backup',

  'members.create': 'enter',
  'members.update': 'enter',
  'members.exit': 'enter',
  'ledger.createAccount': 'enter',
  'ledger.renameAccount': 'enter',
  'ledger.setAccountActive': 'enter',
  'ledger.deleteAccount': 'enter',
  'ledger.postVoucher': 'enter',
  'ledger.postTransfer': 'enter',
  'ledger.postExchange': 'enter',
  'ledger.readOpeningCsv': 'enter',
  'ledger.postOpening': 'enter',
  'ledger.reverse': 'enter',
  'shares.purchase': 'enter',
  'shares.transfer': 'enter',
  'shares.redeem': 'enter',
  'savings.createProduct': 'enter',
  'savings.setProductActive': 'enter',
  'savings.open': 'enter',
  'savings.deposit': 'enter',
  'savings.withdraw': 'enter',
  'savings.close': 'enter',
  'savings.collectionDay': 'enter',
  'savings.postInterest': 'enter',
  'inputs.createItem': 'enter',
  'inputs.updateItem': 'enter',
  'inputs.createSupplier': 'enter',
  'inputs.updateSupplier': 'enter',
  'inputs.purchase': 'enter',
  'inputs.paySupplier': 'enter',
  'inputs.sell': 'enter',
  'inputs.distribute': 'enter',
  'inputs.repay': 'enter',
  'inputs.repaymentDay': 'enter',
  'inputs.adjust': 'enter',
  'inputs.count': 'enter',
  'sales.createCampaign': 'enter',
  'sales.closeCampaign': 'enter',
  'sales.deliveryDay': 'enter',
  'sales.consent': 'enter',
  'sales.sell': 'enter',
  'sales.receive': 'enter',
  'sales.cost': 'enter',
  'sales.payout': 'enter',
  'sales.collect': 'enter',
  'meetings.create': 'enter',
  'meetings.update': 'enter',
  'year.pay': 'enter',

  'ledger.closeMonth': 'approve',
  'ledger.reopenMonth': 'approve',
  'year.close': 'approve',

  'cooperative.update': 'admin',
  'bylaws.save': 'admin',
  'users.list': 'admin',
  'users.create': 'admin',
  'users.update': 'admin',
  'users.resetPassword': 'admin',
  'backup.restore': 'admin',
};

// Open channels that write to the books open: meaningless on a review copy, whose file SQLite opened read-only.
const OPEN_WRITES: ReadonlySet<Channel> = new Set<Channel>([
  'cooperative.create',
  'auth.createFirstAdmin',
  'auth.signIn',
]);

/**
 * The channels that answer while a review copy is open: those that only read the books, print what they
 * read, or change no books at all (the language, leaving the review copy). Derived from the permissions
 * above, so that a channel added later is refused on a review copy unless it was declared as reading.
 */
export const REVIEW_CHANNELS: ReadonlySet<Channel> = new Set(
  (Object.keys(CHANNEL_PERMISSIONS) as Channel[]).filter(
    (channel) =>
      CHANNEL_PERMISSIONS[channel] === 'read' ||
      (CHANNEL_PERMISSIONS[channel] === 'open' && !OPEN_WRITES.has(channel)),
  ),
);

/** What the router asks of the session: whether a review copy is open, and who is at work. */
export interface Gatekeeper {
  readonly review: unknown;
  activeUser(touch?: boolean): SessionUser | 'signed_out' | 'locked';
}

// Polled by the screens while a backup runs: not someone's doing, so it must not keep the lock away.
const PASSIVE: ReadonlySet<Channel> = new Set<Channel>(['backup.progress']);

/**
 * Whether `channel` may run now: on a review copy only what reads; otherwise what the signed-in user's
 * role allows, once they are signed in and the screen is not locked. Enforced here, in the main
 * process, for every channel; the screens only hide what would be refused.
 */
export function authorize(channel: Channel, session: Gatekeeper): AppError | null {
  const permission = CHANNEL_PERMISSIONS[channel];
  if (session.review) return REVIEW_CHANNELS.has(channel) ? null : { code: 'read_only' };
  if (permission === 'open') return null;
  const user = session.activeUser(!PASSIVE.has(channel));
  if (user === 'signed_out' || user === 'locked') return { code: user };
  return roleMay(user.role, permission) ? null : { code: 'forbidden' };
}
