// Every printed report by name: the one place the Reports screen (through the worker) and the CLI turn a
// checked request into a PDF.

import type { Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { ReportRequest } from '../../shared/reports';
import type { Database } from '../db/schema';
import { writeFileWhole } from '../files/write-whole';
import { getMeeting } from '../meetings/meetings';
import { getMember } from '../members/register';
import { annualReportPdf } from './annual-report';
import { attendancePdf, dividendPayoutPdf } from './attendance';
import { boardStatementPdf } from './board-statement';
import type { ReportOptions } from './common';
import { creditAgingPdf, inputSalesPdf, stockPdf } from './inputs';
import { memberRegisterPdf } from './member-register';
import { memberStatementPdf, writeMemberStatements } from './member-statement';
import { minutesPdf } from './minutes';
import { payoutSheetFileName, payoutSheetPdf } from './payout-sheet';
import { shareRegisterPdf } from './share-register';
import { balanceSheetPdf, cashBookPdf, incomeStatementPdf, trialBalancePdf } from './statements';

const optionsOf = (request: ReportRequest, today: string): ReportOptions => ({
  lang: request.lang,
  today,
  nationalHeader: request.nationalHeader,
  ...(request.digits ? { digits: request.digits } : {}),
});

/**
 * Writes the requested report to `path`, whole or not at all: every member's statement page by page as it
 * is laid out, as long as the books make it (no page limit); any other built in memory first.
 */
export async function writeReportFile(
  db: Kysely<Database>,
  request: ReportRequest,
  today: string,
  path: string,
): Promise<{ bytes: number }> {
  if (request.report === 'member-statement' && request.memberId === undefined) {
    const period = { to: request.to, ...(request.from === undefined ? {} : { from: request.from }) };
    return writeMemberStatements(db, { ...optionsOf(request, today), ...period }, path);
  }
  const pdf = await buildReport(db, request, today);
  await writeFileWhole(path, pdf);
  return { bytes: pdf.length };
}

/** Builds the requested report; `today` is the print date. */
export async function buildReport(
  db: Kysely<Database>,
  request: ReportRequest,
  today: string,
): Promise<Buffer> {
  const options = optionsOf(request, today);
  switch (request.report) {
    case 'member-register':
      return memberRegisterPdf(db, options);
    case 'share-register':
      return shareRegisterPdf(db, { ...options, asOf: request.asOf });
    case 'member-statement':
      return memberStatementPdf(db, {
        ...options,
        to: request.to,
        ...(request.memberId === undefined ? {} : { memberId: request.memberId }),
        ...(request.from === undefined ? {} : { from: request.from }),
      });
    case 'trial-balance':
      return trialBalancePdf(db, { ...options, asOf: request.asOf });
    case 'balance-sheet':
      return balanceSheetPdf(db, { ...options, asOf: request.asOf });
    case 'income-statement':
      return incomeStatementPdf(db, { ...options, from: request.from, to: request.to });
    case 'cash-book':
      return cashBookPdf(db, {
        ...options,
        from: request.from,
        to: request.to,
        ...(request.currency ? { currency: request.currency } : {}),
      });
    case 'board-statement':
      return boardStatementPdf(db, { ...options, month: request.month });
    case 'stock':
      return stockPdf(db, { ...options, asOf: request.asOf });
    case 'input-sales':
      return inputSalesPdf(db, { ...options, from: request.from, to: request.to });
    case 'input-credit-aging':
      return creditAgingPdf(db, { ...options, asOf: request.asOf });
    case 'minutes':
      return minutesPdf(db, { ...options, meetingId: request.meetingId });
    case 'attendance':
      return attendancePdf(db, { ...options, meetingId: request.meetingId, blank: request.blank });
    case 'annual-report':
      return annualReportPdf(db, { ...options, year: request.year });
    case 'dividend-payout':
      return dividendPayoutPdf(db, { ...options, year: request.year });
    case 'payout-sheet':
      return payoutSheetPdf(db, { ...options, campaignId: request.campaignId });
  }
}

/** The name offered when the report is saved: what it is and for when, e.g. "balance-sheet-2026-10-31.pdf". */
export async function reportFileName(db: Kysely<Database>, request: ReportRequest, today: string) {
  if (request.report === 'payout-sheet') return payoutSheetFileName(db, request.campaignId, request.lang);
  const parts: string[] = [request.report];
  switch (request.report) {
    case 'member-register':
      parts.push(today);
      break;
    case 'member-statement':
      if (request.memberId === undefined) parts.push('all');
      else parts.push(String((await memberOf(db, request.memberId)).number).padStart(4, '0'));
      parts.push(request.to);
      break;
    case 'share-register':
    case 'stock':
    case 'input-credit-aging':
    case 'trial-balance':
    case 'balance-sheet':
      parts.push(request.asOf);
      break;
    case 'income-statement':
    case 'input-sales':
    case 'cash-book':
      parts.push(request.from, request.to);
      if (request.report === 'cash-book' && request.currency) parts.push(request.currency);
      break;
    case 'board-statement':
      parts.push(request.month);
      break;
    case 'minutes':
    case 'attendance':
      parts.push((await getMeeting(db, request.meetingId)).number);
      if (request.report === 'attendance' && request.blank) parts.push('blank');
      break;
    case 'annual-report':
    case 'dividend-payout':
      parts.push(String(request.year));
      break;
  }
  if (request.lang === 'en') parts.push('en');
  return `${parts.join('-')}.pdf`;
}

async function memberOf(db: Kysely<Database>, memberId: number) {
  try {
    return await getMember(db, memberId);
  } catch (error) {
    if (error instanceof DomainError && error.error.code === 'not_found')
      throw new DomainError('not_found', 'memberId');
    throw error;
  }
}
