// Builds the test PDF for the shaping oracle and the text-layer test: pdfmake lays out and renders a title
// page as usual, then every sample line is drawn through GlyphWriter into pdfmake's own pdfkit document.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { GlyphWriter } from '../../../main/reports/pdf-glyphs';
import { type FontPair, loadFont, shapeText } from '../../../main/reports/shaping';

export const FONT_DIR = fileURLToPath(new URL('../../../resources/fonts/', import.meta.url));
export const LATIN_FONT = 'NotoSans-Regular';

export const SAMPLE_WORDS = (
  'ស្រី ក្រុម ស្ត្រី ប្រុស ត្រូវ គ្រឿង ក្រុង ទ្រូង ផ្សាំ សហគមន៍កសិកម្ម ប្រាក់សន្សំ ភាគហ៊ុន ប៉ុន្មាន ស៊ី ម៉ោង ' + 'ព្រះរាជាណាចក្រកម្ពុជា ឆ្នាំ ខ្ញុំ ក្នុង'
).split(' ');
export const SAMPLE_LINES = [
  SAMPLE_WORDS.slice(0, 10).join(' '),
  SAMPLE_WORDS.slice(10).join(' '),
  'សមាជិកទាំងអស់ត្រូវចូលរួមកិច្ចប្រជុំប្រចាំខែ នៅថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥ វេលាម៉ោង ៨:០០ ព្រឹក។',
  'សរុប 125,000៛ $312.50 ម៉ោង ៨:០០',
  'ព្រះរាជាណាចក្រកម្ពុជា',
  'ជាតិ សាសនា ព្រះមហាក្សត្រ',
  'ថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥ ១៥/០១/២០២៥ ១២៥.០០០៛ ៣១២,៥០$',
  'រៀបចំដោយ ពិនិត្យដោយ អនុម័តដោយ ហត្ថលេខា ស្នាមមេដៃ',
  // Punctuation and digits between Khmer letters: drawn in the Khmer font with the letters around them.
  'ស្រែ៣៤៥,៦៧៨,០០០៛ សហករណ៍០១២៣៤៥៦៧៨៩គ្រឿង ភូមិ ក, ខ - គ. ឃ: ង/ច',
  'ស្រែ345,678,000៛ ក្រុង0123-4567/89:10.5គ្រឿង ម៉ោង 8:00 ព្រឹក',
];

const CONSONANTS = Array.from({ length: 0x17a2 - 0x1780 + 1 }, (_, i) => String.fromCharCode(0x1780 + i));
const VOWELS = Array.from({ length: 0x17c5 - 0x17b6 + 1 }, (_, i) => String.fromCharCode(0x17b6 + i));
const COENG = '\u17d2';
const SHIFTERS = ['\u17c9', '\u17ca'];
const SHIFTER_VOWELS = ['', 'ិ', 'ី', 'ឹ', 'ឺ', 'ុ', 'ូ', 'ើ', 'ោ', 'ា'];
const SIGNS = ['ំ', 'ះ', '់', '៌', '៍', '៎', '៏', '័', '៑', '៓', '៝', 'ាំ', 'ុំ', 'េះ', 'ោះ', 'ុះ', 'ាំង'];

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Generated syllables, a line of space-separated syllables per consonant (or consonant pair group). */
export function generatedLines(): string[] {
  const lines: string[] = [];
  // consonant + every dependent vowel
  for (const c of CONSONANTS) lines.push(VOWELS.map((v) => c + v).join(' '));
  // consonant + coeng + consonant + a vowel, for all 35 × 35 pairs (vowel rotates so all appear)
  CONSONANTS.forEach((c1, i) => {
    const syllables = CONSONANTS.map((c2, j) => c1 + COENG + c2 + (VOWELS[(i + j) % VOWELS.length] ?? ''));
    for (const part of chunk(syllables, 18)) lines.push(part.join(' '));
  });
  // subscript ro with every vowel: the case fontkit gets wrong (ក្រុម, ប្រុស, ត្រូវ)
  for (const c of CONSONANTS) lines.push(VOWELS.map((v) => `${c + COENG}រ${v}`).join(' '));
  // register shifters, alone and before the vowels that make them change shape or position
  for (const c of CONSONANTS)
    lines.push(SHIFTERS.flatMap((s) => SHIFTER_VOWELS.map((v) => c + s + v)).join(' '));
  // signs and vowel + sign combinations
  for (const c of CONSONANTS) lines.push(SIGNS.map((s) => c + s).join(' '));
  // two subscripts in one syllable
  lines.push('ស្ត្រី ស្ត្រ ង្ក្រ ន្ត្រី ម្ព្រ ង្ក្រុ ស្ក្រ ស្ប្រ ស្ត្រូ ង្គ្រោ ន្ទ្រ ផ្ស្រា');
  return lines;
}

export interface PlacedLine {
  text: string;
  page: number;
  /** Baseline origin in pdfkit coordinates (y down from the top of the page). */
  x: number;
  y: number;
}

export interface SamplePdf {
  pdf: Buffer;
  lines: PlacedLine[];
  pageHeight: number;
  size: number;
  fonts: FontPair;
  ms: number;
}

const SIZE = 12;
const LEADING = 22;
const MARGIN = 40;

export async function renderSamplePdf(khmerFontName: string, texts: string[]): Promise<SamplePdf> {
  const started = performance.now();
  const fonts: FontPair = {
    khmer: await loadFont(khmerFontName, readFileSync(`${FONT_DIR}${khmerFontName}.ttf`)),
    latin: await loadFont(LATIN_FONT, readFileSync(`${FONT_DIR}${LATIN_FONT}.ttf`)),
  };
  pdfmake.setFonts({ NotoSans: { normal: `${FONT_DIR}${LATIN_FONT}.ttf` } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  const output = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: MARGIN,
    defaultStyle: { font: 'NotoSans', fontSize: 10 },
    content: [{ text: `Shaping oracle sample: ${khmerFontName} + ${LATIN_FONT} (HarfBuzz glyph runs)` }],
  });
  const doc = await output.getStream();
  const writer = await GlyphWriter.create(doc);
  const placed: PlacedLine[] = [];
  let page = 0;
  let y = MARGIN + 40;
  for (const text of texts) {
    if (y > doc.page.height - MARGIN) {
      doc.addPage({ size: 'A4', margin: MARGIN });
      page++;
      y = MARGIN + SIZE;
    }
    writer.drawLine(shapeText(text, fonts, SIZE), MARGIN, y);
    placed.push({ text, page, x: MARGIN, y });
    y += LEADING;
  }
  const pdf = await output.getBuffer();
  const ms = performance.now() - started;
  return { pdf, lines: placed, pageHeight: doc.page.height, size: SIZE, fonts, ms };
}
