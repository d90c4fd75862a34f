// The frame every report shares: national header, the cooperative's name and address, the title, page
// "x of y" with the print date in the footer, and the signature block at the end.

import { type Digits, formatDateText, withDigits } from '../../shared/khmer';
import type { Cooperative } from '../../shared/schemas';
import { type Block, BODY_WIDTH, type ReportDocument } from './layout';

export type Lang = 'km' | 'en';

export interface FrameOptions {
  lang: Lang;
  digits: Digits;
  /** The print date, YYYY-MM-DD. */
  today: string;
  title: string;
  /** A line under the title (a period, a total). */
  subtitle?: string;
  /** ព្រះរាជាណាចក្រកម្ពុជា / ជាតិ សាសនា ព្រះមហាក្សត្រ at the top of the first page (default: shown). */
  nationalHeader?: boolean;
  /** Who signs, instead of prepared, checked and approved by (the minutes: the chair and the secretary). */
  signers?: readonly { heading: string; office: string; name: string }[];
}

const WORDS = {
  km: {
    kingdom: 'ព្រះរាជាណាចក្រកម្ពុជា',
    nation: 'ជាតិ សាសនា ព្រះមហាក្សត្រ',
    village: 'ភូមិ',
    commune: 'ឃុំ',
    district: 'ស្រុក',
    province: 'ខេត្ត',
    page: (x: string, y: string) => `ទំព័រ ${x} នៃ ${y}`,
    printed: 'បោះពុម្ព',
    prepared: 'រៀបចំដោយ',
    checked: 'ពិនិត្យដោយ',
    approved: 'អនុម័តដោយ',
    bookkeeper: 'គណនេយ្យករ',
    internalControl: 'ត្រួតពិនិត្យផ្ទៃក្នុង',
    chair: 'ប្រធាន',
    date: 'កាលបរិច្ឆេទ',
    signature: 'ហត្ថលេខា',
  },
  en: {
    kingdom: 'Kingdom of Cambodia',
    nation: 'Nation Religion King',
    village: 'Village',
    commune: 'Commune',
    district: 'District',
    province: 'Province',
    page: (x: string, y: string) => `Page ${x} of ${y}`,
    printed: 'Printed',
    prepared: 'Prepared by',
    checked: 'Checked by',
    approved: 'Approved by',
    bookkeeper: 'Bookkeeper',
    internalControl: 'Internal control',
    chair: 'Chair',
    date: 'Date',
    signature: 'Signature',
  },
} as const;

/** "ភូមិ X ឃុំ Y ស្រុក Z ខេត្ត W" or "X Village, Y Commune, …": the parts the profile has. */
export function addressLine(c: Cooperative, lang: Lang): string {
  const w = WORDS[lang];
  const parts: Array<[string, string]> = [
    [w.village, c.village],
    [w.commune, c.commune],
    [w.district, c.district],
    [w.province, c.province],
  ];
  const given = parts.filter(([, value]) => value.trim() !== '');
  return lang === 'km'
    ? given.map(([label, value]) => `${label}${value}`).join(' ')
    : given.map(([label, value]) => `${label} ${value}`).join(', ');
}

/** Wraps a report's own blocks in the shared frame. */
export function framedReport(cooperative: Cooperative, body: Block[], options: FrameOptions): ReportDocument {
  const w = WORDS[options.lang];
  const digits = options.digits;
  const head: Block[] = [];
  if (options.nationalHeader ?? true) {
    head.push({ kind: 'paragraph', text: w.kingdom, size: 12, bold: true, align: 'center' });
    head.push({ kind: 'paragraph', text: w.nation, size: 11, bold: true, align: 'center', after: 6 });
  }
  head.push({ kind: 'paragraph', text: cooperative.nameKm, size: 12, bold: true });
  if (cooperative.nameLatin.trim() !== '')
    head.push({ kind: 'paragraph', text: cooperative.nameLatin, size: 10 });
  const address = addressLine(cooperative, options.lang);
  if (address !== '') head.push({ kind: 'paragraph', text: withDigits(address, digits), size: 9 });
  head.push({ kind: 'paragraph', text: options.title, size: 14, bold: true, align: 'center' });
  if (options.subtitle) head.push({ kind: 'paragraph', text: options.subtitle, size: 10, align: 'center' });
  head[head.length - 1] = { ...(head[head.length - 1] as Block), after: 8 };

  const printed = formatDateText(options.today, options.lang, digits);
  const dateLine = `${w.date} ........................`;
  const signers = options.signers ?? [
    { heading: w.prepared, office: w.bookkeeper, name: cooperative.bookkeeper },
    { heading: w.checked, office: w.internalControl, name: cooperative.internalControl },
    { heading: w.approved, office: w.chair, name: cooperative.chair },
  ];
  const signatures: Block = {
    kind: 'table',
    borderless: true,
    keepTogether: true,
    size: 10,
    columns: signers.map(() => ({ width: BODY_WIDTH / signers.length, align: 'center' as const })),
    rows: [
      signers.map((s) => s.heading),
      signers.map((s) => s.office),
      // Room to sign.
      signers.map(() => ''),
      signers.map(() => ''),
      signers.map((s) => s.name || '........................'),
      signers.map(() => dateLine),
    ],
  };

  return {
    blocks: [...head, ...body, { kind: 'paragraph', text: '', after: 16 }, signatures],
    footer: (page, pages) => ({
      left: `${options.lang === 'en' && cooperative.nameLatin.trim() !== '' ? cooperative.nameLatin : cooperative.nameKm} · ${options.title} · ${w.printed} ${printed}`,
      right: w.page(withDigits(String(page), digits), withDigits(String(pages), digits)),
    }),
  };
}
