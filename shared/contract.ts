import { z } from 'zod';
import { type AuditLogPage, type AuditReport, auditQuerySchema } from './audit';
import {
  type BackupMade,
  type BackupProgressView,
  type BackupRow,
  backupCreateSchema,
  backupOpenSchema,
  type ChangesSinceReview,
  reviewChangesSchema,
} from './backup';
import type { ErrorCode } from './errors';
import type { HealthReport } from './health';
import type { HomeSummary } from './home';
import {
  type CreditAging,
  distributionSchema,
  type InputCreditStatement,
  type InputItem,
  type InputSalesReport,
  inputItemSchema,
  inputItemUpdateSchema,
  inputSaleSchema,
  inputSalesQuerySchema,
  type MemberInputCredit,
  type PostedInputEvent,
  purchaseSchema,
  repaymentDaySchema,
  repaymentSchema,
  type StockOnHand,
  type Supplier,
  stockAdjustmentSchema,
  stockCountSchema,
  stockQuerySchema,
  supplierPaymentSchema,
  supplierSchema,
  supplierUpdateSchema,
} from './inputs';
import {
  type Account,
  accountActiveSchema,
  accountInputSchema,
  accountRenameSchema,
  asOfSchema,
  type BalanceSheet,
  type CashBook,
  cashBookSchema,
  exchangeSchema,
  type GeneralLedger,
  generalLedgerSchema,
  type IncomeStatement,
  type JournalEntry,
  journalQuerySchema,
  type MemberBalance,
  type MonthLogRow,
  type MonthStatus,
  memberBalanceSchema,
  monthCloseSchema,
  monthReopenSchema,
  openingBalancesSchema,
  periodSchema,
  reverseSchema,
  type TrialBalance,
  transferSchema,
  voucherSchema,
} from './ledger';
import {
  type Bylaws,
  bylawsSchema,
  type Meeting,
  type MeetingRow,
  meetingInputSchema,
  meetingUpdateSchema,
} from './meetings';
import { type BuiltReport, type ReportSaveResult, reportRequestSchema, reportSaveSchema } from './reports';
import * as sales from './sales';
import {
  type CollectionDayResult,
  closeSavingsAccountSchema,
  collectionDaySchema,
  type Depositor,
  depositorLookupSchema,
  type InterestRun,
  interestRunSchema,
  type MemberShares,
  type MemberStatement,
  memberStatementSchema,
  openSavingsAccountSchema,
  type PostedMovement,
  type SavingsAccount,
  type SavingsProduct,
  type ShareRegister,
  savingsMovementSchema,
  savingsProductSchema,
  sharePurchaseSchema,
  shareRedemptionSchema,
  shareTransferSchema,
} from './savings';
import {
  type Cooperative,
  cooperativeInputSchema,
  isoDate,
  type Member,
  type MemberRow,
  memberExitSchema,
  memberIdSchema,
  memberInputSchema,
  memberQuerySchema,
  memberUpdateSchema,
} from './schemas';
import { globalSearchSchema, type SearchResults } from './search';
import {
  type AuthState,
  firstAdminSchema,
  newUserSchema,
  passwordChangeSchema,
  passwordResetSchema,
  type SessionUser,
  signInSchema,
  type UserRow,
  unlockSchema,
  userUpdateSchema,
} from './users';
import { fiscalYearSchema, payoutSchema, type YearStatus, yearCloseSchema } from './yearend';

// The one IPC contract between the renderer and the main process: for every channel, the schema its
// payload must satisfy (checked in the main process before any handler runs) and the type it answers.
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const none = z.object({}).strict();

export type AppMode = 'setup' | 'ready' | 'demo' | 'review';
export interface AppStatus {
  mode: AppMode;
  /** Who is at the keyboard, and whether the screen must first ask for a password. */
  auth: AuthState;
  user: SessionUser | null;
  /** Minutes untouched before the app locks itself (the profile's setting). */
  lockMinutes: number;
  cooperative: Cooperative | null;
  dataFile: string;
  memberCount: number;
  /** When a backup is open as a read-only review copy: when it was made and by which version. */
  review?: { createdAt: string; appVersion: string };
}

export const languageSchema = z.enum(['km', 'en']);
export type Language = z.infer<typeof languageSchema>;
export interface Preferences {
  language: Language;
}

export const contract = {
  'prefs.get': channel<Preferences>()(none),
  'prefs.set': channel<Preferences>()(z.object({ language: languageSchema }).strict()),
  'app.status': channel<AppStatus>()(none),
  'app.openDemo': channel<AppStatus>()(none),
  'app.leaveDemo': channel<AppStatus>()(none),
  'cooperative.create': channel<AppStatus>()(cooperativeInputSchema.strict()),
  'cooperative.update': channel<Cooperative>()(cooperativeInputSchema.strict()),
  'members.list': channel<MemberRow[]>()(memberQuerySchema.strict()),
  'members.get': channel<Member>()(z.object({ id: memberIdSchema }).strict()),
  'members.create': channel<Member>()(memberInputSchema.strict()),
  'members.update': channel<Member>()(memberUpdateSchema.strict()),
  'members.exit': channel<Member>()(memberExitSchema.strict()),
  'ledger.accounts': channel<Account[]>()(none),
  'ledger.createAccount': channel<Account>()(accountInputSchema.strict()),
  'ledger.renameAccount': channel<Account>()(accountRenameSchema.strict()),
  'ledger.setAccountActive': channel<Account>()(accountActiveSchema.strict()),
  'ledger.deleteAccount': channel<null>()(z.object({ id: z.number().int().positive() }).strict()),
  'ledger.postVoucher': channel<PostedVoucher>()(voucherSchema.strict()),
  'ledger.postTransfer': channel<PostedVoucher>()(transferSchema.strict()),
  'ledger.postExchange': channel<PostedVoucher>()(exchangeSchema.strict()),
  'ledger.readOpeningCsv': channel<OpeningCsvResult>()(
    // The file's bytes as base64, so that the main process decides what encoding they are in.
    z.object({ csvBase64: z.base64().max(28_000_000) }).strict(),
  ),
  'ledger.postOpening': channel<PostedVoucher>()(openingBalancesSchema.strict()),
  'ledger.entries': channel<JournalEntry[]>()(journalQuerySchema.strict()),
  'ledger.reverse': channel<PostedVoucher>()(reverseSchema.strict()),
  'ledger.months': channel<{ months: MonthStatus[]; log: MonthLogRow[] }>()(none),
  'ledger.closeMonth': channel<null>()(monthCloseSchema.strict()),
  'ledger.reopenMonth': channel<null>()(monthReopenSchema.strict()),
  'reports.trialBalance': channel<TrialBalance>()(asOfSchema.strict()),
  'reports.balanceSheet': channel<BalanceSheet>()(asOfSchema.strict()),
  'reports.incomeStatement': channel<IncomeStatement>()(periodSchema.strict()),
  'reports.generalLedger': channel<GeneralLedger>()(generalLedgerSchema.strict()),
  'reports.cashBook': channel<CashBook>()(cashBookSchema.strict()),
  'reports.memberBalance': channel<MemberBalance>()(memberBalanceSchema.strict()),
  'shares.purchase': channel<{ entryId: number; number: string; certificateNumber: number }>()(
    sharePurchaseSchema.strict(),
  ),
  'shares.transfer': channel<{ entryId: number; certificateNumber: number }>()(shareTransferSchema.strict()),
  'shares.redeem': channel<{ entryId: number; number: string; paidOut: { KHR: number; USD: number } }>()(
    shareRedemptionSchema.strict(),
  ),
  'shares.member': channel<MemberShares>()(z.object({ memberId: z.number().int().positive() }).strict()),
  'shares.register': channel<ShareRegister>()(asOfSchema.strict()),
  'savings.products': channel<SavingsProduct[]>()(none),
  'savings.createProduct': channel<SavingsProduct>()(savingsProductSchema),
  'savings.setProductActive': channel<SavingsProduct>()(
    z.object({ id: z.number().int().positive(), active: z.boolean() }).strict(),
  ),
  'savings.memberAccounts': channel<SavingsAccount[]>()(
    z.object({ memberId: z.number().int().positive() }).strict(),
  ),
  'savings.open': channel<PostedMovement>()(openSavingsAccountSchema.strict()),
  'savings.deposit': channel<PostedMovement>()(savingsMovementSchema.strict()),
  'savings.withdraw': channel<PostedMovement>()(savingsMovementSchema.strict()),
  'savings.close': channel<PostedMovement>()(closeSavingsAccountSchema.strict()),
  'savings.findDepositors': channel<Depositor[]>()(depositorLookupSchema.strict()),
  'savings.collectionDay': channel<CollectionDayResult>()(collectionDaySchema.strict()),
  'savings.interestRuns': channel<string[]>()(z.object({ productId: z.number().int().positive() }).strict()),
  'savings.previewInterest': channel<InterestRun>()(interestRunSchema.strict()),
  'savings.postInterest': channel<InterestRun>()(interestRunSchema.strict()),
  'members.statement': channel<MemberStatement>()(memberStatementSchema.strict()),
  'inputs.items': channel<InputItem[]>()(none),
  'inputs.createItem': channel<InputItem>()(inputItemSchema),
  'inputs.updateItem': channel<InputItem>()(inputItemUpdateSchema),
  'inputs.suppliers': channel<Supplier[]>()(none),
  'inputs.createSupplier': channel<Supplier>()(supplierSchema),
  'inputs.updateSupplier': channel<Supplier>()(supplierUpdateSchema),
  'inputs.purchase': channel<PostedInputEvent>()(purchaseSchema),
  'inputs.paySupplier': channel<PostedInputEvent>()(supplierPaymentSchema),
  'inputs.sell': channel<PostedInputEvent & { saleId: number; total: number }>()(inputSaleSchema),
  'inputs.distribute': channel<{ count: number; total: number; numbers: string[] }>()(distributionSchema),
  'inputs.repay': channel<PostedInputEvent & { outstanding: number }>()(repaymentSchema),
  'inputs.repaymentDay': channel<{ count: number; total: number; numbers: string[] }>()(repaymentDaySchema),
  'inputs.memberCredit': channel<MemberInputCredit>()(
    z.object({ memberId: z.number().int().positive() }).strict(),
  ),
  'inputs.creditStatement': channel<InputCreditStatement>()(
    z.strictObject({ memberId: z.number().int().positive(), from: isoDate.optional(), to: isoDate }),
  ),
  'inputs.adjust': channel<PostedInputEvent>()(stockAdjustmentSchema),
  'inputs.count': channel<{ entryId: number | null; number: string | null; differences: number }>()(
    stockCountSchema,
  ),
  'inputs.stock': channel<StockOnHand>()(stockQuerySchema),
  'inputs.aging': channel<CreditAging>()(stockQuerySchema),
  'inputs.sales': channel<InputSalesReport>()(inputSalesQuerySchema),
  'home.summary': channel<HomeSummary>()(none),
  'search.global': channel<SearchResults>()(globalSearchSchema),
  'reports.build': channel<BuiltReport>()(reportRequestSchema),
  'reports.save': channel<ReportSaveResult>()(reportSaveSchema),
  'backup.create': channel<BackupMade>()(backupCreateSchema),
  'backup.progress': channel<BackupProgressView | null>()(none),
  'backup.cancel': channel<null>()(none),
  'backup.list': channel<BackupRow[]>()(none),
  'backup.chooseFile': channel<{ file: string | null }>()(none),
  'backup.restore': channel<AppStatus>()(backupOpenSchema),
  'review.open': channel<AppStatus>()(backupOpenSchema),
  'review.close': channel<AppStatus>()(none),
  'health.check': channel<HealthReport>()(none),
  'audit.list': channel<AuditLogPage>()(auditQuerySchema),
  'audit.verify': channel<AuditReport>()(none),
  'review.changes': channel<{ changes: ChangesSinceReview; report: BuiltReport }>()(reviewChangesSchema),
  'sales.campaigns': channel<sales.CampaignSummary[]>()(none),
  'sales.campaign': channel<sales.CampaignSummary>()(sales.campaignIdSchema),
  'sales.createCampaign': channel<sales.Campaign>()(sales.campaignSchema),
  'sales.closeCampaign': channel<sales.Campaign>()(sales.campaignIdSchema.extend({ date: isoDate })),
  'sales.deliveries': channel<sales.DeliveryRow[]>()(sales.campaignIdSchema),
  'sales.deliveryDay': channel<{ count: number; netG: number; numbers: string[] }>()(sales.deliveryDaySchema),
  'sales.consent': channel<{ given: boolean }>()(sales.consentSchema),
  'sales.sell': channel<sales.PostedSalesEvent & { amount: number }>()(sales.buyerSaleSchema),
  'sales.receive': channel<sales.PostedSalesEvent & { owed: number }>()(sales.buyerReceiptSchema),
  'sales.cost': channel<sales.PostedSalesEvent>()(sales.saleCostSchema),
  'sales.payoutSheet': channel<sales.PayoutSheet>()(sales.payoutSheetQuerySchema),
  'sales.payout': channel<sales.PayoutResult>()(sales.payoutSchema),
  'sales.collect': channel<{ count: number; total: number; numbers: string[] }>()(
    sales.payoutCollectionSchema,
  ),
  'bylaws.get': channel<Bylaws>()(none),
  'bylaws.save': channel<Bylaws>()(bylawsSchema),
  'meetings.list': channel<MeetingRow[]>()(none),
  'meetings.get': channel<Meeting>()(z.strictObject({ id: z.number().int().positive() })),
  'meetings.create': channel<Meeting>()(meetingInputSchema),
  'meetings.update': channel<Meeting>()(meetingUpdateSchema),
  'year.status': channel<YearStatus>()(z.strictObject({ year: fiscalYearSchema })),
  'year.close': channel<YearStatus>()(yearCloseSchema),
  'year.pay': channel<{ entryId: number; members: number; total: number }>()(payoutSchema),
  'auth.createFirstAdmin': channel<AppStatus>()(firstAdminSchema),
  'auth.signIn': channel<AppStatus>()(signInSchema),
  'auth.unlock': channel<AppStatus>()(unlockSchema),
  'auth.lock': channel<AppStatus>()(none),
  'auth.signOut': channel<AppStatus>()(none),
  'auth.changePassword': channel<null>()(passwordChangeSchema),
  'users.list': channel<UserRow[]>()(none),
  'users.create': channel<UserRow>()(newUserSchema),
  'users.update': channel<UserRow>()(userUpdateSchema),
  'users.resetPassword': channel<null>()(passwordResetSchema),
};

export interface PostedVoucher {
  entryId: number;
  number: string | null;
}
export type OpeningCsvResult =
  | { lines: { accountId: number; memberId: number | null; amount: number }[] }
  | { errors: { row: number; field: string; code: ErrorCode; params?: Record<string, string | number> }[] };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export const channels = Object.keys(contract) as Channel[];

/** What the preload puts on `window`: the page's only way into the main process. */
export interface SahakumBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
}
export const BRIDGE_NAME = 'sahakum';
export const IPC_PREFIX = 'sahakum:';
