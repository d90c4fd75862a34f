// Draws HarfBuzz-shaped glyph runs into a pdfkit document (pdfmake 0.3's document class extends pdfkit's).
//
// pdfkit's own text path re-shapes with fontkit and renumbers glyphs while subsetting, so it cannot carry
// HarfBuzz's result. Here each font is embedded by us as a Type0/CIDFontType2 font with Identity-H encoding
// and /CIDToGIDMap /Identity, so the 2-byte code written in the content stream IS the HarfBuzz glyph id. The
// embedded file is a HarfBuzz subset with "retain gids": only the glyphs used keep outlines, their ids are
// unchanged. Each run is wrapped in /Span <</ActualText ...>> so that copy, search and pdftotext give back the
// exact source text (the glyph order of Khmer differs from the character order, so glyphs alone cannot).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ShapedRun, ShapingFont } from './shaping';

/** The few pdfkit internals used here (pdfkit ships no types; pdfmake's PDFDocument extends pdfkit). */
export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Buffer): void;
  end(): void;
}
export interface PdfKitDocument {
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  page: { fonts: Record<string, unknown> };
  end(): unknown;
}

interface EmbeddedFont {
  font: ShapingFont;
  resourceName: string;
  type0: PdfRef;
  used: Set<number>;
}

export class GlyphWriter {
  private readonly fonts = new Map<ShapingFont, EmbeddedFont>();
  private finished = false;

  private constructor(
    private readonly doc: PdfKitDocument,
    private readonly subsetter: Subsetter,
  ) {
    // Fonts can only be written once every glyph is known: do it just before pdfkit writes the trailer,
    // also when pdfmake (not our code) calls end().
    const end = doc.end.bind(doc);
    doc.end = () => {
      this.finish();
      return end();
    };
  }

  static async create(doc: PdfKitDocument): Promise<GlyphWriter> {
    return new GlyphWriter(doc, await loadSubsetter());
  }

  /**
   * Draws one shaped run with its baseline origin at (x, y) in pdfkit coordinates (y down, current transform
   * applies). Returns the run's advance width in points.
   */
  drawRun(run: ShapedRun, x: number, y: number): number {
    if (this.finished) throw new Error('GlyphWriter: document already ended');
    if (run.glyphs.length === 0) return run.width;
    const font = this.embed(run.font);
    this.doc.page.fonts[font.resourceName] = font.type0;
    const ops: string[] = [`/Span <</ActualText <${utf16beHex(run.text)}>>> BDC`, 'BT'];
    ops.push(`/${font.resourceName} ${fixed(toFixed4(run.size))} Tf`);
    // The text matrix flips y back (pdfkit's page flips it), so text space is HarfBuzz's y-up space.
    ops.push(`1 0 0 -1 ${fixed(toFixed4(x))} ${fixed(toFixed4(y))} Tm`);
    // Each glyph is placed with Td relative to the previous one. Positions are rounded once, to 1/10000 pt,
    // in integers, so rounding errors never accumulate along a line.
    let penX = 0;
    let penY = 0;
    let lastX = 0;
    let lastY = 0;
    for (const g of run.glyphs) {
      const gx = toFixed4(penX + g.xOffset);
      const gy = toFixed4(penY + g.yOffset);
      ops.push(`${fixed(gx - lastX)} ${fixed(gy - lastY)} Td <${hex4(g.gid)}> Tj`);
      lastX = gx;
      lastY = gy;
      penX += g.xAdvance;
      penY += g.yAdvance;
      font.used.add(g.gid);
    }
    ops.push('ET', 'EMC');
    this.doc.addContent(ops.join('\n'));
    return run.width;
  }

  /** Draws runs one after the other on one baseline; returns the total width. */
  drawLine(runs: ShapedRun[], x: number, y: number): number {
    let cursor = x;
    for (const run of runs) cursor += this.drawRun(run, cursor, y);
    return cursor - x;
  }

  /** Writes the font objects. Called automatically by doc.end(); idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const f of this.fonts.values()) this.writeFont(f);
  }

  private embed(font: ShapingFont): EmbeddedFont {
    let f = this.fonts.get(font);
    if (!f) {
      // The dictionary is filled in finish(); pages refer to it from now on.
      f = { font, resourceName: `HB${this.fonts.size + 1}`, type0: this.doc.ref({}), used: new Set([0]) };
      this.fonts.set(font, f);
    }
    return f;
  }

  private writeFont({ font, type0, used }: EmbeddedFont): void {
    const doc = this.doc;
    const gids = [...used].sort((a, b) => a - b);
    const subset = this.subsetter(font.bytes, gids);
    const baseFont = `${subsetTag(gids)}+${font.name}`;
    const per1000 = 1000 / font.upem;
    const extents = font.hb.font.hExtents();
    const head = font.hb.font.face.referenceTable('head');
    const bbox = head ? readHeadBBox(head) : [0, extents.descender, font.upem, extents.ascender];

    const file = doc.ref({ Length1: subset.length });
    file.write(Buffer.from(subset));
    file.end();
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: bbox.map((v) => Math.round(v * per1000)),
      ItalicAngle: 0,
      Ascent: Math.round(extents.ascender * per1000),
      Descent: Math.round(extents.descender * per1000),
      CapHeight: Math.round(extents.ascender * per1000),
      StemV: 80,
      FontFile2: file,
    });
    descriptor.end();
    // Nominal widths, so that viewers size text-selection boxes sensibly; positions come from Td, not from W.
    const widths: Array<number | number[]> = [];
    for (const gid of gids) widths.push(gid, [Math.round(font.glyphAdvance(gid) * per1000)]);
    const cidFont = doc.ref({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: pdfString('Adobe'), Ordering: pdfString('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths,
      CIDToGIDMap: 'Identity',
    });
    cidFont.end();
    type0.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
    };
    type0.end();
  }
}

/** pdfkit writes JS string primitives as PDF names and String objects as PDF strings. */
function pdfString(s: string): unknown {
  return Object(s);
}

function toFixed4(v: number): number {
  return Math.round(v * 10000);
}

/** Formats an integer count of 1/10000 pt as a decimal without float noise. */
function fixed(tenThousandths: number): string {
  const sign = tenThousandths < 0 ? '-' : '';
  const abs = Math.abs(tenThousandths);
  const int = Math.floor(abs / 10000);
  const frac = String(abs % 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${sign}${int}.${frac}` : `${sign}${int}`;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function utf16beHex(text: string): string {
  let out = 'FEFF';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out.toUpperCase();
}

/** Six capital letters derived from the glyph set, as PDF subset fonts are named (e.g. ABCDEF+Name). */
function subsetTag(gids: number[]): string {
  let h = 2166136261;
  for (const g of gids) h = Math.imul(h ^ g, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  return tag;
}

function readHeadBBox(head: Uint8Array): number[] {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  return [view.getInt16(36), view.getInt16(38), view.getInt16(40), view.getInt16(42)];
}

/** Returns a TrueType file with only `gids` kept, glyph ids unchanged. */
type Subsetter = (fontBytes: Uint8Array, gids: number[]) => Uint8Array;

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_DUPLICATE = 0;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
/** A PDF viewer only draws outlines: shaping tables are dead weight in the file. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'morx', 'kern', 'DSIG'];

let subsetter: Promise<Subsetter> | undefined;

function loadSubsetter(): Promise<Subsetter> {
  subsetter ??= (async () => {
    // harfbuzz-subset.wasm is a self-contained module (no imports), shipped next to harfbuzzjs's shaper.
    const here = __filename;
    const wasmPath = createRequire(here).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath));
    return makeSubsetter(instance.exports as unknown as SubsetExports);
  })();
  return subsetter;
}

function tag(s: string): number {
  return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
}

function makeSubsetter(hb: SubsetExports): Subsetter {
  return (fontBytes, gids) => {
    const ptr = hb.malloc(fontBytes.length);
    new Uint8Array(hb.memory.buffer, ptr, fontBytes.length).set(fontBytes);
    const blob = hb.hb_blob_create(ptr, fontBytes.length, HB_MEMORY_MODE_DUPLICATE, 0, 0);
    hb.free(ptr);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    const input = hb.hb_subset_input_create_or_fail();
    try {
      if (!input) throw new Error('hb_subset_input_create_or_fail failed');
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
      const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
      for (const t of DROPPED_TABLES) hb.hb_set_add(drop, tag(t));
      const glyphs = hb.hb_subset_input_glyph_set(input);
      for (const gid of gids) hb.hb_set_add(glyphs, gid);
      const subsetFace = hb.hb_subset_or_fail(face, input);
      if (!subsetFace) throw new Error('hb_subset_or_fail failed');
      const out = hb.hb_face_reference_blob(subsetFace);
      const length = hb.hb_blob_get_length(out);
      const data = hb.hb_blob_get_data(out, 0);
      const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
      hb.hb_blob_destroy(out);
      hb.hb_face_destroy(subsetFace);
      return bytes;
    } finally {
      if (input) hb.hb_subset_input_destroy(input);
      hb.hb_face_destroy(face);
    }
  };
}
