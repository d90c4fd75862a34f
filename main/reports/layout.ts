// A small A4 report layout: paragraphs and tables are broken into lines and pages here, then drawn.
//
// Pages, rules and cell backgrounds are drawn with pdfkit's vector graphics, reached through pdfmake (the
// report engine of the issue, already used by the tests): pdfmake gives the pdfkit document with the first
// page, and its own text is never used, because its shaping breaks Khmer. Every piece of text is shaped by
// HarfBuzz (shaping.ts), wrapped between words (wrap.ts) and drawn as glyph runs (pdf-glyphs.ts).
//
// Layout runs in two passes, so that the footer knows the number of pages ("page x of y"): blocks are first
// placed on abstract pages, then every page is drawn. A report too long to keep its pages in memory
// (every member's statement over ten years) is streamed instead: its blocks are laid out once to count
// the pages, then again, each page drawn and written to the file as soon as it is full.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { DomainError } from '../../shared/errors';
import { writeFileWholeBy } from '../files/write-whole';
import { columnWidths } from './columns';
import { GlyphWriter } from './pdf-glyphs';
import { type FontPair, loadFont, ShapeCache, type ShapedRun } from './shaping';
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
  /**
   * The column holds numbers, codes, dates or amounts, which are never broken across lines: it is made as
   * wide as the widest value it prints (bold rows measured bold, in the digits chosen) or its header on one
   * line, and the other columns share what is left of the table's width in proportion to their
   * widths. Its own `width` then only counts towards the table's width.
   */
  fit?: boolean;
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
  /** The least height of a body row, in points: room to sign or press a thumb. */
  rowHeight?: number;
  after?: number;
}

/** Starts a new page, unless the current page is still empty. */
export interface PageBreak {
  kind: 'pageBreak';
  /** Every block may carry space after it (the frame sets it on its last heading); a page break ignores it. */
  after?: number;
}

export interface ChartSeries {
  /** Shown in the legend. */
  label: string;
  /** A pdfkit colour, e.g. '#2e6f9e'. */
  color: string;
  /** One value per x label. */
  values: readonly number[];
}

/**
 * A small vector chart (bars side by side per x label, or lines), with a y axis of 3 to 5 nice steps from
 * zero, x labels under the plot and a legend under them. Drawn with pdfkit's rectangles and paths; its
 * words go through the same shaping as all other text.
 */
export interface Chart {
  kind: 'chart';
  /** The whole block (title, unit, plot, x labels and legend), in points. */
  height: number;
  /** One per point on the x axis; a '\n' sets the rest on a second line (a year under a month). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Writes a y axis value. */
  format: (n: number) => string;
  /** A heading drawn with the chart, so that the two never part across a page. */
  title?: string;
  /** Above the y axis labels: what they count in ("million riel"). */
  unit?: string;
  /** 'bar' unless given. */
  style?: 'bar' | 'line';
  /** Font size of the axis labels and legend; 8 unless given. */
  size?: number;
  after?: number;
}

export type Block = Paragraph | Table | PageBreak | Chart;

/**
 * The most pages one report may have. Every member's statement over ten years of a 3,000-member cooperative
 * is about 26,000 pages and several GB of memory; the user is asked for a shorter period instead.
 */
export const MAX_PAGES = 10_000;

export interface ReportDocument {
  blocks: Block[];
  /** MAX_PAGES unless given (tests). */
  maxPages?: number;
  /** Texts at the left and right of each page's footer. */
  footer(page: number, pages: number): { left: string; right: string };
}

/** A report laid out and written page by page: `blocks` gives the same blocks each time it is called. */
export interface StreamedDocument {
  blocks(): AsyncIterable<Block>;
  footer: ReportDocument['footer'];
}

export interface ReportFonts {
  regular: FontPair;
  bold: FontPair;
}

let fonts: Promise<ReportFonts> | undefined;

function fontDir(): string {
  const here = __filename;
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
  private readonly cache = new ShapeCache();

  constructor(private readonly fonts: ReportFonts) {}

  shape(text: string, size: number, bold: boolean): ShapedRun[] {
    return this.cache.shape(text, bold ? this.fonts.bold : this.fonts.regular, size);
  }

  width(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (const run of this.shape(text, size, bold)) w += run.width;
    return w;
  }

  /** Lines of at most `width` points: between words (wrap.ts); a line still too wide is cut by grapheme. */
  lines(text: string, width: number, size: number, bold: boolean): string[] {
    const measure = (t: string) => this.width(t, size, bold);
    const clean = printable(text);
    // Most cells fit as they are: no need to find their word boundaries.
    const whole = clean.trimEnd();
    if (whole.trim() === '') return [];
    if (measure(whole) <= width) return [whole];
    const out: string[] = [];
    for (const line of wrapText(clean, width, measure)) {
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
      if (current !== '' && measure(current + segment) > width && !NEVER_STARTS_LINE.test(segment)) {
        out.push(current.trimEnd());
        current = segment.trimStart();
      } else current += segment;
    }
    if (current.trim() !== '') out.push(current.trimEnd());
    return out;
  }
}

const graphemes = new Intl.Segmenter('km', { granularity: 'grapheme' });
/** A combining sign, or closing punctuation (។ ៛ . , ) %): what a line never starts with. */
const NEVER_STARTS_LINE = /^[\u17b4-\u17d3\u17dd\u17d4\u17d5\u17db.,;:!?)\]%$]/;

// ---------------------------------------------------------------------------------------------------------
// Pass 1: blocks to pages of drawing operations.

type Op =
  | { op: 'text'; text: string; size: number; bold: boolean; x: number; y: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number }
  | { op: 'fill'; x: number; y: number; w: number; h: number }
  // Charts: a filled rectangle and a stroked polyline in a colour of their own.
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { op: 'path'; points: ReadonlyArray<readonly [number, number]>; color: string; width: number };

const lineHeight = (size: number) => size * LINE_FACTOR;

class PageBuilder {
  page: Op[] = [];
  /** Pages begun so far, this one included. */
  pages = 1;
  y = BODY_TOP;

  /** `full` takes each page once nothing more goes on it. */
  constructor(
    readonly type: Typesetter,
    private readonly maxPages: number,
    private readonly full: (page: Op[]) => void,
  ) {}

  newPage(): void {
    if (this.pages >= this.maxPages) {
      throw new DomainError('report_too_long', undefined, { pages: this.maxPages });
    }
    this.full(this.page);
    this.page = [];
    this.pages += 1;
    this.y = BODY_TOP;
  }

  /** The last page is full too: the blocks have all been placed. */
  finish(): void {
    this.full(this.page);
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

  /**
   * A paragraph; `keep` is the room the block after it needs to start (a table's header and first row), so
   * that a heading never ends a page alone, away from the table or chart it introduces.
   */
  paragraph(p: Paragraph, keep = 0): void {
    const size = p.size ?? 10;
    const bold = p.bold ?? false;
    const lh = lineHeight(size);
    const lines = this.type.lines(p.text, BODY_WIDTH, size, bold);
    if (keep > 0) this.ensure(lines.length * lh + (p.after ?? 0) + keep);
    for (const line of lines) {
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
    const widths = columnWidths(t, {
      measure: (text, bold) => this.type.width(printable(text).trimEnd(), size, bold),
      bodyWidth: BODY_WIDTH,
      padding: 2 * CELL_PAD_X,
    });
    const layoutRow = (cells: string[], bold: boolean) => {
      const lines = widths.map((width, i) => {
        const all = this.type.lines(cells[i] ?? '', width - 2 * CELL_PAD_X, size, bold);
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
    const rows = t.rows.map((r, i) => {
      const row = layoutRow(r, bold.has(i));
      return { ...row, height: Math.max(row.height, t.rowHeight ?? 0) };
    });
    const tableWidth = widths.reduce((sum, w) => sum + w, 0);

    const drawRow = (row: ReturnType<typeof layoutRow>, isHeader: boolean) => {
      const top = this.y;
      if (isHeader && !t.borderless)
        this.page.push({ op: 'fill', x: MARGIN, y: top, w: tableWidth, h: row.height });
      let x = MARGIN;
      t.columns.forEach((col, i) => {
        const width = widths[i] ?? 0;
        (row.lines[i] ?? []).forEach((line, k) => {
          const align = isHeader ? 'center' : (col.align ?? 'left');
          const inner = width - 2 * CELL_PAD_X;
          this.textLine(line, size, row.bold, x + CELL_PAD_X, inner, align, top + CELL_PAD_Y + k * lh);
        });
        x += width;
      });
      if (!t.borderless) {
        const bottom = top + row.height;
        this.page.push({ op: 'line', x1: MARGIN, y1: top, x2: MARGIN + tableWidth, y2: top });
        this.page.push({ op: 'line', x1: MARGIN, y1: bottom, x2: MARGIN + tableWidth, y2: bottom });
        let cx = MARGIN;
        this.page.push({ op: 'line', x1: cx, y1: top, x2: cx, y2: bottom });
        for (const width of widths) {
          cx += width;
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
// Charts.

const CHART_GRID = '#c8c8c8';
const CHART_AXIS = '#555555';

/**
 * The y axis: the smallest step of 1, 2, 2.5 or 5 times a power of ten that covers the values (and zero) in
 * at most five steps; a larger step would always take at least three.
 */
export function chartAxis(values: readonly number[]): { low: number; high: number; step: number } {
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span / 5));
  for (const scale of [1, 10, 100]) {
    for (const factor of [1, 2, 2.5, 5]) {
      const step = factor * scale * magnitude;
      const low = Math.floor(min / step) * step;
      const high = Math.ceil(max / step) * step;
      if ((high - low) / step <= 5 + 1e-9) return { low, high: high === low ? step : high, step };
    }
  }
  return { low: min, high: max, step: span };
}

/** Lays a chart out on the current page (a new one unless it fits), as rectangles, paths and text. */
function layoutChart(b: PageBuilder, c: Chart): void {
  const size = c.size ?? 8;
  const lh = lineHeight(size);
  b.ensure(c.height);
  const top = b.y;
  const ops = b.page;
  const text = (t: string, left: number, width: number, align: Align, lineTop: number) =>
    b.textLine(t, size, false, left, width, align, lineTop);
  const stroke = (x1: number, y1: number, x2: number, y2: number, color: string, width: number) => {
    ops.push({ op: 'path', points: [[x1, y1] as const, [x2, y2] as const], color, width });
  };
  const box = (x: number, y: number, w: number, h: number, color: string) => {
    ops.push({ op: 'rect', x, y, w, h, color });
  };

  let y = top;
  if (c.title) {
    b.textLine(c.title, 11, true, MARGIN, BODY_WIDTH, 'left', y);
    y += lineHeight(11) + 3;
  }
  if (c.unit) {
    text(c.unit, MARGIN, BODY_WIDTH, 'left', y);
    y += lh;
  }
  const { low, high, step } = chartAxis(c.series.flatMap((s) => s.values));
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 1000; i++) ticks.push(low + i * step);
  const tickLabels = ticks.map((v) => c.format(v));
  const labelWidth = Math.max(0, ...tickLabels.map((t) => b.type.width(t, size, false)));
  const plotLeft = MARGIN + labelWidth + 6;
  const plotRight = MARGIN + BODY_WIDTH - 2;
  const plotWidth = plotRight - plotLeft;
  const xLines = c.labels.map((label) => label.split('\n'));
  const xRows = Math.max(1, ...xLines.map((l) => l.length));
  const legendHeight = c.series.length > 0 ? lh + 6 : 0;
  // Room above the top gridline for half its label.
  const plotTop = y + size;
  const plotBottom = top + c.height - xRows * lh - legendHeight - 4;
  const yOf = (v: number) => plotBottom - ((v - low) / (high - low)) * (plotBottom - plotTop);

  // Gridlines with their values; the bars or lines over them; the axes over the bars' feet.
  ticks.forEach((v, i) => {
    if (v !== 0) stroke(plotLeft, yOf(v), plotRight, yOf(v), CHART_GRID, 0.5);
    text(tickLabels[i] ?? '', MARGIN, labelWidth, 'right', yOf(v) - size * (BASELINE_FACTOR - 0.35));
  });
  const slots = Math.max(1, c.labels.length);
  const slot = plotWidth / slots;
  const zero = yOf(0);
  if ((c.style ?? 'bar') === 'bar') {
    const group = slot * 0.72;
    const bar = group / Math.max(1, c.series.length);
    c.series.forEach((s, k) => {
      s.values.slice(0, slots).forEach((v, i) => {
        const x = plotLeft + i * slot + (slot - group) / 2 + k * bar;
        const h = Math.abs(zero - yOf(v));
        if (v !== 0) box(x + 0.5, Math.min(yOf(v), zero), Math.max(0.5, bar - 1), h, s.color);
      });
    });
  } else {
    for (const s of c.series) {
      const points = s.values.slice(0, slots).map((v, i) => [plotLeft + (i + 0.5) * slot, yOf(v)] as const);
      ops.push({ op: 'path', points, color: s.color, width: 1.5 });
      for (const [x, py] of points) box(x - 1.75, py - 1.75, 3.5, 3.5, s.color);
    }
  }
  stroke(plotLeft, zero, plotRight, zero, CHART_AXIS, 0.75);
  stroke(plotLeft, plotTop, plotLeft, plotBottom, CHART_AXIS, 0.75);
  xLines.forEach((lines, i) => {
    const left = plotLeft + i * slot;
    stroke(left + slot / 2, plotBottom, left + slot / 2, plotBottom + 2.5, CHART_AXIS, 0.5);
    lines.forEach((line, k) => {
      text(line, left, slot, 'center', plotBottom + 3 + k * lh);
    });
  });

  // The legend: a swatch and its label per series, centred under the plot.
  const gap = 18;
  const widths = c.series.map((s) => size + 4 + b.type.width(s.label, size, false));
  const legendWidth = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1);
  let x = plotLeft + (plotWidth - legendWidth) / 2;
  const legendTop = top + c.height - legendHeight + 4;
  c.series.forEach((s, k) => {
    const width = widths[k] ?? 0;
    box(x, legendTop + size * BASELINE_FACTOR - size * 0.85, size, size, s.color);
    text(s.label, x + size + 4, width - size - 4, 'left', legendTop);
    x += width + gap;
  });
  b.y = top + c.height + (c.after ?? 0);
}

// ---------------------------------------------------------------------------------------------------------
// Pass 2: drawing.

const FOOTER_SIZE = 8;

/** The least room a block needs to start on a page: a table's header and first row, a whole chart. */
function startHeight(block: Block | undefined): number {
  if (!block) return 0;
  if (block.kind === 'chart') return block.height;
  if (block.kind !== 'table' || block.borderless) return 0;
  const row = lineHeight(block.size ?? 9) + 2 * CELL_PAD_Y;
  return (block.header ? 2 : 1) * row;
}

/**
 * The fewest pages the blocks can take, found without shaping a word: every line of text and every table
 * row is at least one line high and a page holds no more than its body, and a page break starts a page.
 */
export function fewestPages(blocks: readonly Block[]): number {
  const room = BODY_BOTTOM - BODY_TOP;
  const row = (size: number) => lineHeight(size) + 2 * CELL_PAD_Y;
  let pages = 1;
  let used = 0;
  for (const block of blocks) {
    if (block.kind === 'pageBreak') {
      if (used > 0) [pages, used] = [pages + 1, 0];
      continue;
    }
    if (block.kind === 'paragraph') used += block.text.trim() === '' ? 0 : lineHeight(block.size ?? 10);
    else if (block.kind === 'chart') used += block.height;
    else used += (block.rows.length + (block.header ? 1 : 0)) * row(block.size ?? 9);
    used += block.after ?? 0;
    if (used > room) {
      pages += Math.ceil(used / room) - 1;
      used -= (Math.ceil(used / room) - 1) * room;
    }
  }
  return pages;
}

/** Places every block on pages, each with the room the block after it needs to start. */
async function layOut(builder: PageBuilder, blocks: Iterable<Block> | AsyncIterable<Block>): Promise<void> {
  const place = (block: Block, next: Block | undefined) => {
    if (block.kind === 'paragraph') builder.paragraph(block, startHeight(next));
    else if (block.kind === 'pageBreak') {
      if (builder.y > BODY_TOP) builder.newPage();
    } else if (block.kind === 'chart') layoutChart(builder, block);
    else builder.table(block);
  };
  let previous: Block | undefined;
  for await (const block of blocks) {
    if (previous) place(previous, block);
    previous = block;
  }
  if (previous) place(previous, undefined);
  builder.finish();
}

/** A pdfkit document (through pdfmake) with its first page, and the writer of shaped glyphs into it. */
async function startPdf() {
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
  return { output, pdf, writer: await GlyphWriter.create(pdf) };
}

type Pdf = Awaited<ReturnType<typeof startPdf>>['pdf'];

/** Draws page `index` (from 0) of `pages` with its footer. */
function drawPage(
  { pdf, writer, type }: { pdf: Pdf; writer: GlyphWriter; type: Typesetter },
  ops: readonly Op[],
  index: number,
  pages: number,
  footer: ReportDocument['footer'],
): void {
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
    else if (o.op === 'rect') pdf.save().rect(o.x, o.y, o.w, o.h).fillColor(o.color).fill().restore();
    else if (o.op === 'path' && o.points.length > 1) {
      const [first, ...rest] = o.points;
      pdf.save().lineWidth(o.width).strokeColor(o.color);
      pdf.moveTo(first?.[0] ?? 0, first?.[1] ?? 0);
      for (const [x, y] of rest) pdf.lineTo(x, y);
      pdf.stroke().restore();
    }
  }
  // Text after the backgrounds, so that a filled header cell never hides its text.
  for (const o of ops) if (o.op === 'text') writer.drawLine(type.shape(o.text, o.size, o.bold), o.x, o.y);

  const { left, right } = footer(index + 1, pages);
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
}

/** Lays out and draws the document; returns the PDF. */
export async function renderReport(doc: ReportDocument): Promise<Buffer> {
  const maxPages = doc.maxPages ?? MAX_PAGES;
  // Refused at once, rather than after laying out the pages up to the limit (a minute and gigabytes).
  if (fewestPages(doc.blocks) > maxPages)
    throw new DomainError('report_too_long', undefined, { pages: maxPages });
  const type = new Typesetter(await reportFonts());
  const pages: Op[][] = [];
  await layOut(new PageBuilder(type, maxPages, (page) => pages.push(page)), doc.blocks);
  const { output, pdf, writer } = await startPdf();
  pages.forEach((ops, index) => {
    drawPage({ pdf, writer, type }, ops, index, pages.length, doc.footer);
  });
  return output.getBuffer();
}

/**
 * Lays out the document to count its pages, then again, each page drawn and written to `path` (whole or
 * not at all) as soon as it is full: memory holds one page and the blocks being placed, however many
 * pages there are. Returns the pages and bytes written.
 */
export async function writeReport(
  doc: StreamedDocument,
  path: string,
): Promise<{ pages: number; bytes: number }> {
  const type = new Typesetter(await reportFonts());
  let pages = 0;
  await layOut(
    new PageBuilder(type, Number.POSITIVE_INFINITY, () => {
      pages += 1;
    }),
    doc.blocks(),
  );
  return writeFileWholeBy(path, async (write) => {
    const { pdf, writer } = await startPdf();
    let bytes = 0;
    const ended = new Promise<void>((resolve, reject) => {
      pdf.on('end', resolve);
      pdf.on('error', reject);
    });
    // Once this fails, the bytes pdfkit still has on their way go nowhere: the file is being removed.
    let writing = true;
    pdf.on('data', (chunk: Buffer) => {
      if (!writing) return;
      bytes += chunk.length;
      write(chunk);
    });
    try {
      // pdfkit's stream starts flowing on a tick of its own, which a chain of promises (the books read
      // through Kysely) never leaves room for: until then every page would wait in memory.
      await new Promise(setImmediate);
      let drawn = 0;
      await layOut(
        new PageBuilder(type, Number.POSITIVE_INFINITY, (ops) => {
          drawPage({ pdf, writer, type }, ops, drawn, pages, doc.footer);
          drawn += 1;
        }),
        doc.blocks(),
      );
      // The books read again gave other pages (written meanwhile): the count in every footer would be wrong.
      if (drawn !== pages) throw new Error(`the report had ${pages} pages, then ${drawn}`);
      pdf.end();
      await ended;
      return { pages, bytes };
    } catch (error) {
      writing = false;
      throw error;
    }
  });
}
