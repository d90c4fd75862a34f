// Text shaping for PDF reports with HarfBuzz (harfbuzzjs, WASM).
//
// pdfmake's built-in shaper (fontkit) gets Khmer wrong (see shared KHMER.md), so every run of text that goes
// into a report is shaped here and drawn glyph by glyph (see pdf-glyphs.ts). HarfBuzz is the same shaper that
// Chromium and `hb-shape` use, which is what the shaping oracle test compares against.

import type * as HarfBuzz from 'harfbuzzjs';

type HarfBuzzModule = typeof HarfBuzz;

let harfbuzz: Promise<HarfBuzzModule> | undefined;

/** Loads the WASM module once, on first use: most app sessions never print. */
function loadHarfBuzz(): Promise<HarfBuzzModule> {
  // harfbuzzjs is an ES module with a top-level await, so it can only be reached through import().
  harfbuzz ??= import('harfbuzzjs');
  return harfbuzz;
}

/** A font ready for shaping: the HarfBuzz objects plus the bytes that will be embedded in the PDF. */
export interface ShapingFont {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly upem: number;
  /** Whether the font maps this code point to a glyph (its cmap). */
  has(cp: number): boolean;
  /** Nominal advance (hmtx) of a glyph, in font units: used for the PDF's /W widths. */
  glyphAdvance(gid: number): number;
  /**
   * The font's U+FFFD (�), drawn instead of a character no font has (Thai, emoji): the reader sees that
   * something was there, and the text layer still carries the original. Null if the font has none.
   */
  readonly replacement: { gid: number; advance: number } | null;
  readonly hb: { readonly font: HarfBuzz.Font; readonly module: HarfBuzzModule };
}

/** Creates a shaping font from TTF bytes. `name` is the PostScript-like name written into the PDF. */
export async function loadFont(name: string, bytes: Uint8Array): Promise<ShapingFont> {
  const hb = await loadHarfBuzz();
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const font = new hb.Font(face);
  // Scale = upem: HarfBuzz then reports integer font units, exactly what `hb-shape --font-size=upem` prints.
  font.setScale(face.upem, face.upem);
  const unicodes = new Set(face.collectUnicodes());
  const base = {
    has: (cp: number) => unicodes.has(cp),
    name,
    bytes,
    upem: face.upem,
    glyphAdvance: (gid: number) => font.glyphHAdvance(gid),
    hb: { font, module: hb },
  };
  const [fffd] = shapeRun({ ...base, replacement: null }, '\ufffd', face.upem).glyphs;
  const replacement = fffd && fffd.gid !== 0 ? { gid: fffd.gid, advance: fffd.xAdvance } : null;
  return { ...base, replacement };
}

/** One positioned glyph. Lengths are in PDF user units (points) at the run's font size; y is up. */
export interface ShapedGlyph {
  /** Glyph id in the original font file. */
  gid: number;
  /** UTF-16 index into the run's text of the first character this glyph comes from. */
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedRun {
  font: ShapingFont;
  text: string;
  size: number;
  glyphs: ShapedGlyph[];
  /** Sum of the x advances, in points. */
  width: number;
}

/**
 * One HarfBuzz buffer for every run, reset before each use. harfbuzzjs frees a buffer's WASM memory only
 * when the garbage collector finalizes it, which a long synchronous layout never lets happen: a buffer per
 * run filled the WASM heap after about 7,000 pages, and text then came back with no glyphs at all.
 */
let sharedBuffer: HarfBuzz.Buffer | undefined;

/** Shapes one run of text that is drawn in a single font (see splitRuns for choosing the font). */
export function shapeRun(font: ShapingFont, text: string, size: number): ShapedRun {
  const hb = font.hb.module;
  sharedBuffer ??= new hb.Buffer();
  const buffer = sharedBuffer;
  buffer.reset();
  buffer.addText(text);
  // Language is fixed (and passed the same way to hb-shape in the oracle) so results do not depend on locale.
  buffer.setLanguage(isKhmerRunText(text) ? 'km' : 'en');
  buffer.setDirection(hb.Direction.LTR);
  buffer.guessSegmentProperties();
  hb.shape(font.hb.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const scale = size / font.upem;
  const glyphs: ShapedGlyph[] = [];
  let width = 0;
  infos.forEach((info, i) => {
    const p = positions[i];
    if (!p) throw new Error('HarfBuzz returned fewer positions than glyphs');
    if (info.codepoint === 0 && font.replacement) {
      const advance = font.replacement.advance * scale;
      glyphs.push({
        gid: font.replacement.gid,
        cluster: info.cluster,
        xAdvance: advance,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
      });
      width += advance;
      return;
    }
    glyphs.push({
      gid: info.codepoint,
      cluster: info.cluster,
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
    });
    width += p.xAdvance * scale;
  });
  return { font, text, size, glyphs, width };
}

export type Script = 'khmer' | 'latin';

export interface TextRun {
  script: Script;
  text: string;
  /** UTF-16 index of the run in the source string. */
  start: number;
}

/** Khmer (U+1780–17FF, including Khmer digits, ៛ and Khmer punctuation) and Khmer Symbols (U+19E0–19FF). */
function isKhmer(cp: number): boolean {
  return (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff);
}

/** Zero-width space/joiners belong to whatever run they sit in: Khmer text uses ZWSP between words. */
function isNeutral(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || (cp >= 0x200b && cp <= 0x200d);
}

/**
 * Latin digits and the common punctuation of numbers, dates and lists (, - . : / –). Between two Khmer
 * characters (a village written ស្រែ៣៤៥,៦៧៨,០០០៛, a date ១៥/០១/២០២៥) they stay in the Khmer run when the Khmer
 * font has them, so that the string is drawn exactly as HarfBuzz shapes it in that one font; so does such
 * punctuation right after a Khmer character (ក, ខ,).
 */
const BRIDGING = /^[0-9,\-.:/\u2013]$/;

function isKhmerRunText(text: string): boolean {
  for (const ch of text) if (isKhmer(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

type CharClass = 'khmer' | 'latin' | 'neutral' | 'bridge';

/**
 * Splits text into runs for font fallback: Khmer letters, Khmer digits and Khmer punctuation go to the Khmer
 * font, and so do Latin digits and common punctuation standing between Khmer characters when `khmerHas` (the
 * Khmer font's character set) says the font draws them; everything else (Latin letters, $, an amount that
 * starts a cell) goes to the Latin font, because the Noto Khmer fonts carry no Latin letters. Spaces stay
 * with the run before them (a leading space with the first run).
 */
export function splitRuns(text: string, khmerHas: (cp: number) => boolean): TextRun[] {
  const chars = [...text];
  const classes: CharClass[] = chars.map((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (isKhmer(cp)) return 'khmer';
    if (isNeutral(cp)) return 'neutral';
    return BRIDGING.test(ch) && khmerHas(cp) ? 'bridge' : 'latin';
  });
  // A stretch of spaces and bridging characters with Khmer on both sides is Khmer, and so is the
  // punctuation that starts it right after a Khmer character; other bridging characters are Latin.
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'bridge') continue;
    let start = i;
    while (start > 0 && (classes[start - 1] === 'bridge' || classes[start - 1] === 'neutral')) start--;
    let end = i;
    while (end + 1 < classes.length && (classes[end + 1] === 'bridge' || classes[end + 1] === 'neutral'))
      end++;
    const between = classes[start - 1] === 'khmer' && classes[end + 1] === 'khmer';
    let trailing = classes[start - 1] === 'khmer';
    for (let k = start; k <= end; k++) {
      trailing &&= classes[k] === 'bridge' && !/[0-9]/.test(chars[k] ?? '');
      if (classes[k] === 'bridge') classes[k] = between || trailing ? 'khmer' : 'latin';
    }
    i = end;
  }

  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  let leading = '';
  let index = 0;
  chars.forEach((ch, i) => {
    const cls = classes[i];
    if (cls === 'neutral') {
      if (current) current.text += ch;
      else leading += ch;
    } else {
      const script: Script = cls === 'khmer' ? 'khmer' : 'latin';
      if (current?.script === script) current.text += ch;
      else {
        current = { script, text: ch, start: index };
        if (runs.length === 0 && leading) {
          current = { script, text: leading + ch, start: 0 };
          leading = '';
        }
        runs.push(current);
      }
    }
    index += ch.length;
  });
  if (leading) runs.push({ script: 'latin', text: leading, start: 0 });
  return runs;
}

export interface FontPair {
  khmer: ShapingFont;
  latin: ShapingFont;
}

/** Shapes a whole line: split into runs, each shaped with its own font. */
export function shapeText(text: string, fonts: FontPair, size: number): ShapedRun[] {
  return splitRuns(text, fonts.khmer.has).map((run) => shapeRun(fonts[run.script], run.text, size));
}

/**
 * Shaped text kept for reuse while a report is laid out and drawn: headings, labels and dates repeat on
 * every page. Two generations stand in for least-recently-used order at no cost per hit: when the newer
 * holds `limit` texts the older is dropped, and a text found in the older moves to the newer, so what a
 * long document keeps using stays while one-off texts (receipt numbers, balances) age out.
 */
export class ShapeCache {
  private readonly styles = new Map<
    FontPair,
    Map<number, { newer: Map<string, ShapedRun[]>; older: Map<string, ShapedRun[]> }>
  >();

  constructor(private readonly limit = 20_000) {}

  shape(text: string, fonts: FontPair, size: number): ShapedRun[] {
    let sizes = this.styles.get(fonts);
    if (!sizes) {
      sizes = new Map();
      this.styles.set(fonts, sizes);
    }
    let style = sizes.get(size);
    if (!style) {
      style = { newer: new Map(), older: new Map() };
      sizes.set(size, style);
    }
    let runs = style.newer.get(text);
    if (runs) return runs;
    runs = style.older.get(text) ?? shapeText(text, fonts, size);
    if (style.newer.size >= this.limit) {
      style.older = style.newer;
      style.newer = new Map();
    }
    style.newer.set(text, runs);
    return runs;
  }
}
