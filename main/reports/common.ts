// What every report shares: its options, the context its blocks are built in (language and digits), money
// as the shared formatting writes it with negatives in brackets, a table builder, and the step that reads
// the cooperative's profile, wraps the blocks in the shared frame and draws the PDF.

import type { Kysely } from 'kysely';
import { type Currency, type Digits, formatAmount, formatDateText, withDigits } from '../../shared/khmer';
import { getCooperative } from '../cooperative/profile';
import type { Database } from '../db/schema';
import { type FrameOptions, framedReport, type Lang } from './frame';
import { type Block, type Column, renderReport, type Table, writeReport } from './layout';

export interface ReportOptions {
  lang: Lang;
  /** Khmer or Latin digits; the cooperative's reportDigits setting unless given. */
  digits?: Digits;
  /** The print date, YYYY-MM-DD. */
  today: string;
  nationalHeader?: boolean;
}

/** What a report needs to know while it builds its blocks. */
export interface ReportContext {
  lang: Lang;
  digits: Digits;
}

export const money = (amount: number, currency: Currency, digits: Digits) =>
  formatAmount(amount, currency, { digits, brackets: true });

const WORDS = {
  km: {
    asOf: (date: string) => `គិតត្រឹម${date}`,
    period: (from: string, to: string) => `ពី${from} ដល់${to}`,
    // As the member register screen says them (renderer/i18n/km.ts).
    status: { active: 'សកម្ម', left: 'បានចាកចេញ', deceased: 'បានទទួលមរណភាព' } as Record<string, string>,
  },
  en: {
    asOf: (date: string) => `As of ${date}`,
    period: (from: string, to: string) => `From ${from} to ${to}`,
    status: { active: 'Active', left: 'Left', deceased: 'Deceased' } as Record<string, string>,
  },
} as const;

/** An at-date report's subtitle ("គិតត្រឹម…"), in Latin digits: the frame writes it in the report's. */
export const asOfSubtitle = (date: string, lang: Lang) =>
  WORDS[lang].asOf(formatDateText(date, lang, 'latin'));

/** A period report's subtitle ("ពី… ដល់…"), in Latin digits like asOfSubtitle. */
export const periodSubtitle = (from: string, to: string, lang: Lang) =>
  WORDS[lang].period(formatDateText(from, lang, 'latin'), formatDateText(to, lang, 'latin'));

/** A member's status in the report's language. */
export const memberStatus = (status: string, lang: Lang) => WORDS[lang].status[status] ?? status;

/** A table that gathers rows with their boldness, so that row indexes never go out of step. */
export class Rows {
  readonly rows: string[][] = [];
  readonly bold: number[] = [];

  add(cells: string[], bold = false): void {
    if (bold) this.bold.push(this.rows.length);
    this.rows.push(cells);
  }

  table(columns: Column[], header: string[]): Table {
    return {
      kind: 'table',
      columns,
      header,
      rows: this.rows,
      boldRows: this.bold,
      size: 9,
      after: 10,
    };
  }
}

/** The digits a report prints in: as asked, else the cooperative's setting (for words built before the frame). */
export async function reportDigits(db: Kysely<Database>, options: ReportOptions): Promise<Digits> {
  return options.digits ?? (await getCooperative(db)).reportDigits;
}

/** The profile read, the frame's options in the report's language and digits. */
async function frameFor(
  db: Kysely<Database>,
  options: ReportOptions,
  title: string,
  subtitle: string,
  signers?: FrameOptions['signers'],
) {
  const cooperative = await getCooperative(db);
  const digits = options.digits ?? cooperative.reportDigits;
  const frame: FrameOptions = {
    lang: options.lang,
    digits,
    today: options.today,
    title,
    subtitle: subtitle === '' ? undefined : withDigits(subtitle, digits),
    ...(options.nationalHeader === undefined ? {} : { nationalHeader: options.nationalHeader }),
    ...(signers ? { signers } : {}),
  };
  return { cooperative, frame, context: { lang: options.lang, digits } };
}

/**
 * Reads the profile, builds the report's blocks in its language and digits, frames them (title, subtitle,
 * page x of y, signatures) and draws the PDF.
 */
export async function renderFramed(
  db: Kysely<Database>,
  options: ReportOptions,
  title: string,
  subtitle: string,
  body: (context: ReportContext) => Block[] | Promise<Block[]>,
  signers?: FrameOptions['signers'],
): Promise<Buffer> {
  const { cooperative, frame, context } = await frameFor(db, options, title, subtitle, signers);
  return renderReport(framedReport(cooperative, await body(context), frame));
}

/**
 * renderFramed for a report too long to hold (layout.ts's writeReport): its body, given block by block
 * and read twice, is written page by page to `path`.
 */
export async function writeFramed(
  db: Kysely<Database>,
  options: ReportOptions,
  title: string,
  subtitle: string,
  body: (context: ReportContext) => AsyncIterable<Block>,
  path: string,
): Promise<{ pages: number; bytes: number }> {
  const { cooperative, frame, context } = await frameFor(db, options, title, subtitle);
  // The frame's own blocks either side of the body, found by a stand-in for it.
  const stand: Block = { kind: 'pageBreak' };
  const framed = framedReport(cooperative, [stand], frame);
  const at = framed.blocks.indexOf(stand);
  const [head, tail] = [framed.blocks.slice(0, at), framed.blocks.slice(at + 1)];
  return writeReport(
    {
      async *blocks() {
        yield* head;
        yield* body(context);
        yield* tail;
      },
      footer: framed.footer,
    },
    path,
  );
}
