// A deliberately small PDF reader for the shaping oracle: it reads what a viewer would read (objects, font
// dictionaries, CIDToGIDMap, content-stream operators) and knows nothing of the layout code that wrote the PDF.
// Enough for pdfkit's output: classic xref, no object streams.

import { inflateSync } from 'node:zlib';

export type PdfValue =
  | number
  | boolean
  | null
  | { name: string }
  | { ref: number }
  | { str: Buffer }
  | PdfValue[]
  | { dict: Map<string, PdfValue> }
  | { op: string };

function isDelim(c: string): boolean {
  return '()<>[]{}/%'.includes(c);
}
function isSpace(c: string): boolean {
  return ' \t\r\n\f\0'.includes(c);
}

/** Tokenises PDF syntax (object bodies and content streams alike) and builds arrays and dictionaries. */
export function parseValues(src: string): PdfValue[] {
  const stack: PdfValue[][] = [[]];
  let i = 0;
  const push = (v: PdfValue): void => {
    const top = stack[stack.length - 1];
    if (!top) throw new Error('parse stack empty');
    // "n g R" becomes a reference.
    if (typeof v === 'object' && v !== null && 'op' in v && v.op === 'R' && top.length >= 2) {
      const num = top[top.length - 2];
      if (typeof num === 'number') {
        top.length -= 2;
        top.push({ ref: num });
        return;
      }
    }
    top.push(v);
  };
  while (i < src.length) {
    const c = src.charAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === '%') {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (c === '/') {
      let j = i + 1;
      while (j < src.length && !isSpace(src.charAt(j)) && !isDelim(src.charAt(j))) j++;
      push({ name: src.slice(i + 1, j) });
      i = j;
    } else if (src.startsWith('<<', i)) {
      stack.push([]);
      i += 2;
    } else if (src.startsWith('>>', i)) {
      const items = stack.pop() ?? [];
      const dict = new Map<string, PdfValue>();
      for (let k = 0; k + 1 < items.length; k += 2) {
        const key = items[k];
        const value = items[k + 1];
        if (key && typeof key === 'object' && 'name' in key && value !== undefined) dict.set(key.name, value);
      }
      push({ dict });
      i += 2;
    } else if (c === '<') {
      const j = src.indexOf('>', i);
      const hex = src.slice(i + 1, j).replace(/\s+/g, '');
      push({ str: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') });
      i = j + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      push(stack.pop() ?? []);
      i++;
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < src.length && depth > 0) {
        const ch = src.charAt(i);
        if (ch === '\\') {
          const n = src.charAt(i + 1);
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (n in esc) {
            bytes.push(esc[n] ?? 0);
            i += 2;
          } else if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4))?.[0] ?? '0';
            bytes.push(Number.parseInt(m, 8) & 0xff);
            i += 1 + m.length;
          } else {
            bytes.push(n.charCodeAt(0));
            i += 2;
          }
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (depth > 0) bytes.push(ch.charCodeAt(0));
        i++;
      }
      push({ str: Buffer.from(bytes) });
    } else {
      let j = i;
      while (j < src.length && !isSpace(src.charAt(j)) && !isDelim(src.charAt(j))) j++;
      if (j === i) j++;
      const word = src.slice(i, j);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) push(Number(word));
      else if (word === 'true' || word === 'false') push(word === 'true');
      else if (word === 'null') push(null);
      else push({ op: word });
      i = j;
    }
  }
  return stack[0] ?? [];
}

export interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

export class PdfFile {
  readonly objects = new Map<number, PdfObject>();

  constructor(bytes: Buffer) {
    const text = bytes.toString('latin1');
    const re = /(\d+) 0 obj\b/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].length;
      const end = text.indexOf('endobj', start);
      const body = text.slice(start, end);
      const streamAt = body.search(/\bstream\r?\n/);
      const head = streamAt >= 0 ? body.slice(0, streamAt) : body;
      const value = parseValues(head)[0] ?? null;
      const obj: PdfObject = { value };
      if (streamAt >= 0) {
        const dataStart = start + streamAt + (/^stream\r?\n/.exec(body.slice(streamAt))?.[0].length ?? 7);
        const length = this.get(value, 'Length');
        const raw = bytes.subarray(dataStart, dataStart + (typeof length === 'number' ? length : 0));
        const filter = this.get(value, 'Filter');
        obj.stream = filter && typeof filter === 'object' && 'name' in filter ? inflateSync(raw) : raw;
      }
      this.objects.set(Number(m[1]), obj);
      re.lastIndex = end;
    }
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    if (v && typeof v === 'object' && 'ref' in v) return this.objects.get(v.ref)?.value;
    return v;
  }

  get(v: PdfValue | undefined, key: string): PdfValue | undefined {
    const d = this.resolve(v);
    if (d && typeof d === 'object' && 'dict' in d) return this.resolve(d.dict.get(key));
    return undefined;
  }

  streamOf(v: PdfValue | undefined): Buffer | undefined {
    if (v && typeof v === 'object' && 'ref' in v) return this.objects.get(v.ref)?.stream;
    return undefined;
  }

  /** Page dictionaries in document order. */
  pages(): PdfValue[] {
    const root = [...this.objects.values()].find((o) => nameOf(this.get(o.value, 'Type')) === 'Catalog');
    const out: PdfValue[] = [];
    const walk = (node: PdfValue | undefined): void => {
      const kids = this.get(node, 'Kids');
      if (Array.isArray(kids)) for (const k of kids) walk(k);
      else if (node) out.push(node);
    };
    walk(this.get(root?.value, 'Pages'));
    return out;
  }
}

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v && typeof v === 'object' && 'name' in v ? v.name : undefined;
}

export interface GlyphOnPage {
  gid: number;
  /** Device space (PDF user space of the page, y up). */
  x: number;
  y: number;
}

export interface TextSpan {
  page: number;
  actualText: string;
  baseFont: string;
  size: number;
  glyphs: GlyphOnPage[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
function mul(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

interface FontInfo {
  baseFont: string;
  /** CID → GID, or undefined for /Identity. */
  cidToGid?: Buffer;
}

/**
 * Reads every /ActualText marked-content span with the glyphs shown inside it. Each glyph's position is taken
 * from the text matrix set by Tm/Td before it, so every Tj inside a span must be preceded by Tm or Td (true
 * for glyph runs; asserted here, since advancing by glyph widths is not modelled).
 */
export function readTextSpans(pdf: PdfFile): TextSpan[] {
  const spans: TextSpan[] = [];
  pdf.pages().forEach((page, pageIndex) => {
    const fontsDict = pdf.get(pdf.get(page, 'Resources'), 'Font');
    const fonts = new Map<string, FontInfo>();
    const fontInfo = (name: string): FontInfo => {
      let info = fonts.get(name);
      if (!info) {
        const ref =
          fontsDict && typeof fontsDict === 'object' && 'dict' in fontsDict
            ? fontsDict.dict.get(name)
            : undefined;
        const descendants = pdf.get(ref, 'DescendantFonts');
        const cidFont = pdf.resolve(Array.isArray(descendants) ? descendants[0] : undefined);
        const map =
          cidFont && typeof cidFont === 'object' && 'dict' in cidFont
            ? cidFont.dict.get('CIDToGIDMap')
            : undefined;
        info = {
          baseFont: nameOf(pdf.get(ref, 'BaseFont')) ?? '?',
          // /Identity: CID = GID. Otherwise a stream of 2-byte GIDs indexed by CID.
          cidToGid: nameOf(map) === 'Identity' ? undefined : pdf.streamOf(map),
        };
        fonts.set(name, info);
      }
      return info;
    };

    const pageDict = pdf.resolve(page);
    const rawContents =
      pageDict && typeof pageDict === 'object' && 'dict' in pageDict
        ? pageDict.dict.get('Contents')
        : undefined;
    const refs = Array.isArray(rawContents) ? rawContents : [rawContents];
    const content = Buffer.concat(refs.map((r) => pdf.streamOf(r) ?? Buffer.alloc(0))).toString('latin1');

    let ctm: Matrix = IDENTITY;
    const saved: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let font: FontInfo | undefined;
    let size = 0;
    let positioned = false;
    let span: TextSpan | undefined;
    let operands: PdfValue[] = [];
    for (const tok of parseValues(content)) {
      if (!(tok && typeof tok === 'object' && 'op' in tok)) {
        operands.push(tok);
        continue;
      }
      const nums = operands.filter((o): o is number => typeof o === 'number');
      switch (tok.op) {
        case 'q':
          saved.push(ctm);
          break;
        case 'Q':
          ctm = saved.pop() ?? IDENTITY;
          break;
        case 'cm':
          ctm = mul(nums as Matrix, ctm);
          break;
        case 'BT':
          tm = IDENTITY;
          tlm = IDENTITY;
          break;
        case 'Tf':
          font = fontInfo(nameOf(operands[0]) ?? '');
          size = nums[0] ?? 0;
          break;
        case 'Tm':
          tm = nums as Matrix;
          tlm = tm;
          positioned = true;
          break;
        case 'Td':
          tlm = mul([1, 0, 0, 1, nums[0] ?? 0, nums[1] ?? 0], tlm);
          tm = tlm;
          positioned = true;
          break;
        case 'BDC': {
          const props = operands[1];
          const actual =
            props && typeof props === 'object' && 'dict' in props ? props.dict.get('ActualText') : undefined;
          if (actual && typeof actual === 'object' && 'str' in actual) {
            span = {
              page: pageIndex,
              actualText: decodeTextString(actual.str),
              baseFont: '',
              size: 0,
              glyphs: [],
            };
          }
          break;
        }
        case 'EMC':
          if (span) spans.push(span);
          span = undefined;
          break;
        case 'Tj':
        case 'TJ': {
          if (!span) break;
          if (!positioned || tok.op === 'TJ') throw new Error('glyph placed by advance, not by Td/Tm');
          if (!font) throw new Error('Tj without Tf');
          const s = operands[0];
          if (!(s && typeof s === 'object' && 'str' in s)) throw new Error('Tj without string');
          const device = mul(tm, ctm);
          for (let k = 0; k + 1 < s.str.length; k += 2) {
            const cid = s.str.readUInt16BE(k);
            const gid = font.cidToGid ? font.cidToGid.readUInt16BE(cid * 2) : cid;
            span.glyphs.push({ gid, x: device[4], y: device[5] });
          }
          if (s.str.length !== 2) throw new Error('one glyph per Tj expected');
          span.baseFont = font.baseFont;
          span.size = size;
          positioned = false;
          break;
        }
      }
      operands = [];
    }
  });
  return spans;
}

function decodeTextString(b: Buffer): string {
  if (b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return b.toString('latin1');
}
