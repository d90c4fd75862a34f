import { DomainError } from '../../shared/errors';
import { auditHandlers } from '../audit/handlers';
import { reviewChanges } from '../backup/changes-report';
import { listAutomaticBackups } from '../backup/rotation';
import type { BackupService } from '../backup/service';
import { createCooperative, updateCooperative } from '../cooperative/profile';
import { homeSummary } from '../home/summary';
import { creditAging, inputCreditStatements, memberInputCredit } from '../inputs/credit';
import {
  createItem,
  createSupplier,
  listItems,
  listSuppliers,
  updateItem,
  updateSupplier,
} from '../inputs/items';
import { paySupplier, postPurchase } from '../inputs/purchases';
import { postDistribution, postInputSale, postRepayment, postRepaymentDay } from '../inputs/sales';
import { inputSalesReport } from '../inputs/sales-report';
import { adjustStock, countStock, stockOnHand } from '../inputs/stock';
import {
  createAccount,
  deleteAccount,
  listAccounts,
  renameAccount,
  setAccountActive,
} from '../ledger/accounts';
import { listEntries } from '../ledger/journal';
import { closeMonth, listMonths, monthLog, reopenMonth } from '../ledger/months';
import { postOpeningBalances, readOpeningCsv } from '../ledger/opening';
import { reverseEntry } from '../ledger/posting';
import {
  balanceSheet,
  cashBook,
  generalLedger,
  incomeStatement,
  memberBalance,
  trialBalance,
} from '../ledger/statements';
import { postExchange, postTransfer, postVoucher } from '../ledger/vouchers';
import { createMember, exitMember, getMember, updateMember } from '../members/register';
import { listMembers } from '../members/search';
import { memberStatement } from '../members/statement';
import type { PreferencesStore } from '../preferences';
import type { ReportService } from '../reports/service';
import { salesHandlers } from '../sales/handlers';
import {
  closeSavingsAccount,
  depositSavings,
  findDepositors,
  memberSavingsAccounts,
  openSavingsAccount,
  postCollectionDay,
  withdrawSavings,
} from '../savings/accounts';
import { interestRunPeriods, postInterest, previewInterest } from '../savings/interest';
import { createProduct, listProducts, setProductActive } from '../savings/products';
import { globalSearch } from '../search/search';
import type { AppSession } from '../session';
import { memberShares, shareRegister } from '../shares/register';
import { purchaseShares, redeemShares, transferShares } from '../shares/shares';
import { userHandlers } from '../users/handlers';
import { meetingHandlers } from '../yearend/handlers';
import type { Handlers } from './router';

/** Every contract channel, answered by the business code of the session's open database. */
export function createHandlers(
  session: AppSession,
  preferences: PreferencesStore,
  reports: ReportService,
  backups: BackupService,
): Handlers {
  return {
    ...backups.handlers(),
    ...auditHandlers(session),
    ...meetingHandlers(session),
    ...userHandlers(session),
    ...salesHandlers(session),
    'prefs.get': async () => preferences.get(),
    'prefs.set': async (value) => preferences.set(value),
    'app.status': () => session.status(),
    'app.openDemo': () => session.openDemo(),
    'app.leaveDemo': () => session.leaveDemo(),
    'cooperative.create': async (input) => {
      await createCooperative(session.db, input, session.now());
      return session.status();
    },
    'cooperative.update': (input) => updateCooperative(session.db, input, session.now()),
    'members.list': (query) => listMembers(session.db, query),
    'members.get': ({ id }) => getMember(session.db, id),
    'members.create': (input) => createMember(session.db, input, session.now()),
    'members.update': (input) => updateMember(session.db, input, session.now()),
    'members.exit': (input) => exitMember(session.db, input, session.now()),
    'ledger.accounts': () => listAccounts(session.db),
    'ledger.createAccount': (input) => createAccount(session.db, input, session.now()),
    'ledger.renameAccount': (input) => renameAccount(session.db, input),
    'ledger.setAccountActive': (input) => setAccountActive(session.db, input),
    'ledger.deleteAccount': async ({ id }) => {
      await deleteAccount(session.db, id);
      return null;
    },
    'ledger.postVoucher': async (input) => postVoucher(session.db, input, await session.actor()),
    'ledger.postTransfer': async (input) => postTransfer(session.db, input, await session.actor()),
    'ledger.postExchange': async (input) => postExchange(session.db, input, await session.actor()),
    'ledger.readOpeningCsv': ({ csvBase64 }) => readOpeningCsv(session.db, Buffer.from(csvBase64, 'base64')),
    'ledger.postOpening': async (input) => ({
      entryId: await postOpeningBalances(session.db, input, await session.actor()),
      number: null,
    }),
    'ledger.entries': (query) => listEntries(session.db, query),
    'ledger.reverse': async (input) => ({
      entryId: await reverseEntry(session.db, input, await session.actor()),
      number: null,
    }),
    'ledger.months': async () => ({
      months: await listMonths(session.db, session.now().today),
      log: await monthLog(session.db),
    }),
    'ledger.closeMonth': async ({ month }) => {
      await closeMonth(session.db, month, await session.actor());
      return null;
    },
    'ledger.reopenMonth': async ({ month, reason }) => {
      await reopenMonth(session.db, month, reason, await session.actor());
      return null;
    },
    'reports.trialBalance': ({ asOf }) => trialBalance(session.db, asOf),
    'reports.balanceSheet': ({ asOf }) => balanceSheet(session.db, asOf),
    'reports.incomeStatement': ({ from, to }) => incomeStatement(session.db, from, to),
    'reports.generalLedger': ({ accountId, from, to }) => generalLedger(session.db, accountId, from, to),
    'reports.cashBook': ({ currency, from, to }) => cashBook(session.db, currency, from, to),
    'reports.memberBalance': ({ memberId, accountId, asOf }) =>
      memberBalance(session.db, memberId, accountId, asOf),
    'shares.purchase': async (input) => purchaseShares(session.db, input, await session.actor()),
    'shares.transfer': async (input) => transferShares(session.db, input, await session.actor()),
    'shares.redeem': async (input) => redeemShares(session.db, input, await session.actor()),
    'shares.member': ({ memberId }) => memberShares(session.db, memberId),
    'shares.register': ({ asOf }) => shareRegister(session.db, asOf),
    'savings.products': () => listProducts(session.db),
    'savings.createProduct': (input) => createProduct(session.db, input, session.now()),
    'savings.setProductActive': ({ id, active }) => setProductActive(session.db, id, active),
    'savings.memberAccounts': ({ memberId }) => memberSavingsAccounts(session.db, memberId),
    'savings.open': async (input) => openSavingsAccount(session.db, input, await session.actor()),
    'savings.deposit': async (input) => depositSavings(session.db, input, await session.actor()),
    'savings.withdraw': async (input) => withdrawSavings(session.db, input, await session.actor()),
    'savings.close': async (input) => closeSavingsAccount(session.db, input, await session.actor()),
    'savings.findDepositors': ({ productId, query }) => findDepositors(session.db, productId, query),
    'savings.collectionDay': async (input) => postCollectionDay(session.db, input, await session.actor()),
    'savings.interestRuns': ({ productId }) => interestRunPeriods(session.db, productId),
    'savings.previewInterest': ({ productId, period }) =>
      previewInterest(session.db, productId, period, session.now().today),
    'savings.postInterest': async ({ productId, period }) =>
      postInterest(session.db, productId, period, await session.actor()),
    'members.statement': ({ memberId, from, to }) => memberStatement(session.db, memberId, to, from),
    'inputs.items': () => listItems(session.db),
    'inputs.createItem': (input) => createItem(session.db, input, session.now()),
    'inputs.updateItem': (input) => updateItem(session.db, input),
    'inputs.suppliers': () => listSuppliers(session.db),
    'inputs.createSupplier': (input) => createSupplier(session.db, input, session.now()),
    'inputs.updateSupplier': (input) => updateSupplier(session.db, input),
    'inputs.purchase': async (input) => postPurchase(session.db, input, await session.actor()),
    'inputs.paySupplier': async (input) => paySupplier(session.db, input, await session.actor()),
    'inputs.sell': async (input) => postInputSale(session.db, input, await session.actor()),
    'inputs.distribute': async (input) => postDistribution(session.db, input, await session.actor()),
    'inputs.repay': async (input) => postRepayment(session.db, input, await session.actor()),
    'inputs.repaymentDay': async (input) => postRepaymentDay(session.db, input, await session.actor()),
    'inputs.memberCredit': ({ memberId }) => memberInputCredit(session.db, memberId, session.now().today),
    'inputs.creditStatement': async ({ memberId, from, to }) => {
      const statement = (await inputCreditStatements(session.db, [memberId], from, to)).get(memberId);
      if (!statement) throw new DomainError('not_found', 'memberId');
      return statement;
    },
    'inputs.adjust': async (input) => adjustStock(session.db, input, await session.actor()),
    'inputs.count': async (input) => countStock(session.db, input, await session.actor()),
    'inputs.stock': ({ asOf }) => stockOnHand(session.db, asOf),
    'inputs.aging': ({ asOf }) => creditAging(session.db, asOf),
    'inputs.sales': ({ from, to }) => inputSalesReport(session.db, from, to),
    'search.global': ({ text }) => globalSearch(session.db, text),
    'home.summary': () =>
      homeSummary(
        session.db,
        session.now().today,
        listAutomaticBackups(session.backupsDir)[0]?.madeAt.toISOString() ?? null,
      ),
    'reports.build': (request) => reports.build(request),
    'review.changes': (input) => reviewChanges(input, reports, session.now().today),
    'reports.save': ({ id }) => reports.save(id),
  };
}
