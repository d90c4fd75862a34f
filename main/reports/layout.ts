// A small A4 report layout: paragraphs and tables are broken into lines and pages here, then drawn.
//
// Pages, rules and cell backgrounds are drawn with pdfkit's vector graphics, reached through pdfmake (the
// report engine of the issue, already used by the tests): pdfmake gives the pdfkit document with the first
// page, and its own text is never used, because its shaping breaks Khmer. Every piece of text is shaped by
// HarfBuzz (shaping.ts), wrapped between words (wrap.ts) and drawn as glyph runs (pdf-glyphs.ts).
//
// Layout runs in two passes: blocks are first placed on abstract pages, then every page is drawn, so that
// the footer knows the number of pages ("page x of y").

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { GlyphWriter } from './pdf-glyphs';
import { type FontPair, loadFont, type ShapedRun, shapeText } from './shaping';
import { wrapText } from './wrap';

const MM = 72 / 25.4;
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 15 * MM;
/** Room kept at the bottom of each page's text area for the footer. */
const FOOTER_HEIGHT = 22;
const BODY_TOP = MARGIN;
const BODY_BOTTOM = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
export const BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/** Khmer stacks marks above and subscripts below: lines need more room than Latin text. */
const LINE_FACTOR = 1.75;
/** From the top of a line box to its baseline, as a fraction of the font size. */
const BASELINE_FACTOR = 1.2;
const CELL_PAD_X = 3;
const CELL_PAD_Y = 2;

export type Align = 'left' | 'center' | 'right';

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  size?: number;
  bold?: boolean;
  align?: Align;
  /** Space after the paragraph, in points. */
  after?: number;
}

export interface Column {
  /** Width in points; the widths of a table should add up to at most BODY_WIDTH. */
  width: number;
  align?: Align;
}

export interface Table {
  kind: 'table';
  columns: Column[];
  /** Repeated at the top of every page the table runs onto. */
  header?: string[];
  rows: string[][];
  /** Indexes of rows drawn in bold (group and total lines); none unless given. */
  boldRows?: readonly number[];
  size?: number;
  /** No rules or header background: used for the signature block. */
  borderless?: boolean;
  /** Never split across pages. */
  keepTogether?: boolean;
  after?: number;
}

export type Block = Paragraph | Table;

export interface ReportDocument {
  blocks: Block[];
  /** Texts at the left and right of each page's footer. */
  footer(page: number, pages: number): { left: string; right: string };
}

export interface ReportFonts {
  regular: FontPair;
  bold: FontPair;
}

let fonts: Promise<ReportFonts> | undefined;

function fontDir(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return join(dirname(here), '..', '..', 'resources', 'fonts');
}

/** Noto Sans Khmer for Khmer runs, Noto Sans for everything else; loaded once. */
export function reportFonts(): Promise<ReportFonts> {
  fonts ??= (async () => {
    const load = (name: string) => loadFont(name, readFileSync(join(fontDir(), `${name}.ttf`)));
    const [km, kmBold, latin, latinBold] = await Promise.all([
      load('NotoSansKhmer-Regular'),
      load('NotoSansKhmer-Bold'),
      load('NotoSans-Regular'),
      load('NotoSans-Bold'),
    ]);
    return { regular: { khmer: km, latin }, bold: { khmer: kmBold, latin: latinBold } };
  })();
  return fonts;
}

/**
 * Text as it is printed: control characters (which no font draws, and which could upset a viewer) become
 * U+FFFD, a visible replacement; everything else is kept, and a glyph missing from the fonts prints as the
 * font's empty box, so a strange name is seen rather than silently lost.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\t' || ch === '\n' || ch === '\r') out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += '\ufffd';
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Measuring and breaking lines.

class Typesetter {
  private readonly cache = new Map<string, ShapedRun[]>();

  constructor(private readonly fonts: ReportFonts) {}

  shape(text: string, size: number, bold: boolean): ShapedRun[] {
    const key = `${size}|${bold ? 'b' : 'r'}|${text}`;
    let runs = this.cache.get(key);
    if (!runs) {
      runs = shapeText(text, bold ? this.fonts.bold : this.fonts.regular, size);
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(key, runs);
    }
    return runs;
  }

  width(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (const run of this.shape(text, size, bold)) w += run.width;
    return w;
  }

  /** Lines of at most `width` points: between words (wrap.ts); a line still too wide is cut by grapheme. */
  lines(text: string, width: number, size: number, bold: boolean): string[] {
    const measure = (t: string) => this.width(t, size, bold);
    const out: string[] = [];
    for (const line of wrapText(printable(text), width, measure)) {
      if (measure(line) <= width) out.push(line);
      else out.push(...this.cutByGrapheme(line, width, measure));
    }
    return out;
  }

  /** Last resort for a long word with no break opportunity (a 500-letter Latin string, a URL). */
  private cutByGrapheme(line: string, width: number, measure: (t: string) => number): string[] {
    const out: string[] = [];
    let current = '';
    for (const { segment } of graphemes.segment(line)) {
      if (current !== '' && measure(current + segment) > width && !COMBINING_START.test(segment)) {
        out.push(current.trimEnd());
        current = segment.trimStart();
      } else current += segment;
    }
    if (current.trim() !== '') out.push(current.trimEnd());
    return out;
  }
}

const graphemes = new Intl.Segmenter('km', { granularity: 'grapheme' });
const COMBINING_START = /^[\u17b4-\u17d3\u17dd]/;

// ---------------------------------------------------------------------------------------------------------
// Pass 1: blocks to pages of drawing operations.

type Op =
  | { op: 'text'; text: string; size: number; bold: boolean; x: number; y: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number }
  | { op: 'fill'; x: number; y: number; w: number; h: number };

const lineHeight = (size: number) => size * LINE_FACTOR;

class PageBuilder {
  readonly pages: Op[][] = [[]];
  y = BODY_TOP;

  constructor(readonly type: Typesetter) {}

  get page(): Op[] {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('no page');
    return page;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = BODY_TOP;
  }

  fits(height: number): boolean {
    return this.y + height <= BODY_BOTTOM + 0.001;
  }

  /** Starts a new page unless `height` fits here, or the page is still empty (nothing would fit better). */
  ensure(height: number): void {
    if (!this.fits(height) && this.y > BODY_TOP) this.newPage();
  }

  textLine(
    text: string,
    size: number,
    bold: boolean,
    left: number,
    width: number,
    align: Align,
    top: number,
  ) {
    const w = this.type.width(text, size, bold);
    const x = align === 'left' ? left : align === 'right' ? left + width - w : left + (width - w) / 2;
    this.page.push({ op: 'text', text, size, bold, x, y: top + size * BASELINE_FACTOR });
  }

  paragraph(p: Paragraph): void {
    const size = p.size ?? 10;
    const bold = p.bold ?? false;
    const lh = lineHeight(size);
    for (const line of this.type.lines(p.text, BODY_WIDTH, size, bold)) {
      this.ensure(lh);
      this.textLine(line, size, bold, MARGIN, BODY_WIDTH, p.align ?? 'left', this.y);
      this.y += lh;
    }
    this.y += p.after ?? 0;
  }

  table(t: Table): void {
    const size = t.size ?? 9;
    const lh = lineHeight(size);
    let maxLines = Math.floor((BODY_BOTTOM - BODY_TOP - 2 * CELL_PAD_Y) / lh);
    const layoutRow = (cells: string[], bold: boolean) => {
      const lines = t.columns.map((col, i) => {
        const all = this.type.lines(cells[i] ?? '', col.width - 2 * CELL_PAD_X, size, bold);
        // A cell taller than a page (under the header) is cut short, visibly, so that a row always fits.
        return all.length > maxLines ? [...all.slice(0, Math.max(0, maxLines - 1)), '…'] : all;
      });
      const height = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * CELL_PAD_Y;
      return { lines, height, bold };
    };
    const header = t.header ? layoutRow(t.header, true) : undefined;
    maxLines = Math.max(
      1,
      Math.floor((BODY_BOTTOM - BODY_TOP - (header?.height ?? 0) - 2 * CELL_PAD_Y) / lh),
    );
    const bold = new Set(t.boldRows ?? []);
    const rows = t.rows.map((r, i) => layoutRow(r, bold.has(i)));
    const tableWidth = t.columns.reduce((sum, c) => sum + c.width, 0);

    const drawRow = (row: ReturnType<typeof layoutRow>, isHeader: boolean) => {
      const top = this.y;
      if (isHeader && !t.borderless)
        this.page.push({ op: 'fill', x: MARGIN, y: top, w: tableWidth, h: row.height });
      let x = MARGIN;
      t.columns.forEach((col, i) => {
        (row.lines[i] ?? []).forEach((line, k) => {
          const align = isHeader ? 'center' : (col.align ?? 'left');
          const inner = col.width - 2 * CELL_PAD_X;
          this.textLine(line, size, row.bold, x + CELL_PAD_X, inner, align, top + CELL_PAD_Y + k * lh);
        });
        x += col.width;
      });
      if (!t.borderless) {
        const bottom = top + row.height;
        this.page.push({ op: 'line', x1: MARGIN, y1: top, x2: MARGIN + tableWidth, y2: top });
        this.page.push({ op: 'line', x1: MARGIN, y1: bottom, x2: MARGIN + tableWidth, y2: bottom });
        let cx = MARGIN;
        this.page.push({ op: 'line', x1: cx, y1: top, x2: cx, y2: bottom });
        for (const col of t.columns) {
          cx += col.width;
          this.page.push({ op: 'line', x1: cx, y1: top, x2: cx, y2: bottom });
        }
      }
      this.y += row.height;
    };

    if (t.keepTogether) {
      const total = (header?.height ?? 0) + rows.reduce((sum, r) => sum + r.height, 0);
      this.ensure(total);
    }
    const headerHeight = header?.height ?? 0;
    this.ensure(headerHeight + (rows[0]?.height ?? 0));
    if (header) drawRow(header, true);
    for (const row of rows) {
      if (!this.fits(row.height)) {
        this.newPage();
        if (header) drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.y += t.after ?? 0;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pass 2: drawing.

const FOOTER_SIZE = 8;

/** Lays out and draws the document; returns the PDF. */
export async function renderReport(doc: ReportDocument): Promise<Buffer> {
  const type = new Typesetter(await reportFonts());
  const builder = new PageBuilder(type);
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') builder.paragraph(block);
    else builder.table(block);
  }
  const pages = builder.pages;

  const dir = fontDir();
  pdfmake.setFonts({ NotoSans: { normal: join(dir, 'NotoSans-Regular.ttf') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(dir));
  const output = pdfmake.createPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: 0,
    defaultStyle: { font: 'NotoSans' },
    content: [],
    info: { Producer: 'Sahakum', Creator: 'Sahakum' },
  });
  const pdf = await output.getStream();
  const writer = await GlyphWriter.create(pdf);

  pages.forEach((ops, index) => {
    if (index > 0) pdf.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
    for (const o of ops) {
      if (o.op === 'fill') pdf.save().rect(o.x, o.y, o.w, o.h).fillColor('#e8e8e8').fill().restore();
      else if (o.op === 'line')
        pdf
          .save()
          .lineWidth(0.5)
          .strokeColor('#555555')
          .moveTo(o.x1, o.y1)
          .lineTo(o.x2, o.y2)
          .stroke()
          .restore();
    }
    // Text after the backgrounds, so that a filled header cell never hides its text.
    for (const o of ops) if (o.op === 'text') writer.drawLine(type.shape(o.text, o.size, o.bold), o.x, o.y);

    const { left, right } = doc.footer(index + 1, pages.length);
    const ruleY = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 4;
    pdf
      .save()
      .lineWidth(0.5)
      .strokeColor('#555555')
      .moveTo(MARGIN, ruleY)
      .lineTo(PAGE_WIDTH - MARGIN, ruleY)
      .stroke()
      .restore();
    const baseline = PAGE_HEIGHT - MARGIN - 4;
    const rightWidth = type.width(right, FOOTER_SIZE, false);
    const leftLine = type.lines(left, BODY_WIDTH - rightWidth - 12, FOOTER_SIZE, false)[0] ?? '';
    writer.drawLine(type.shape(leftLine, FOOTER_SIZE, false), MARGIN, baseline);
    writer.drawLine(type.shape(right, FOOTER_SIZE, false), PAGE_WIDTH - MARGIN - rightWidth, baseline);
  });
  return output.getBuffer();
}
