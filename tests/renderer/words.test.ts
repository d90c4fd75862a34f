import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { km } from '../../renderer/i18n/km';
import { ENTRY_KINDS } from '../../shared/entry-kinds';

const KHMER = /[\u1780-\u17FF]/;

/** Every TypeScript file under main/, as the posting code is spread over the capabilities' folders. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// A `kind` in main/ that is not a journal entry's: a share or stock movement, a credit charge, a savings
// product, a meeting, a sale's cost, a health or audit finding... A new literal in a file that posts must be
// one or the other: listed in shared/entry-kinds.ts (and given words) or here.
const NOT_ENTRY_KINDS = new Set([
  'purchase',
  'redemption',
  'transfer_in',
  'transfer_out',
  'sale',
  'count',
  'adjustment',
  'none',
  'flat',
  'rate',
  'ordinary',
  'fixed',
  'shares',
  'percent',
]);

describe('the words for every kind of journal entry', () => {
  it('names each kind in Khmer and in English, never by its code', () => {
    const kmKinds: Record<string, string> = km.vouchers.journal.kinds;
    const enKinds: Record<string, string> = en.vouchers.journal.kinds;
    for (const kind of ENTRY_KINDS) {
      expect(kmKinds[kind], kind).toMatch(KHMER);
      expect(enKinds[kind], kind).toMatch(/^[A-Z][^\u1780-\u17FF]+$/);
      expect(enKinds[kind]).not.toBe(kind);
    }
    expect(Object.keys(kmKinds).sort()).toEqual([...ENTRY_KINDS].sort());
  });

  it('lists every kind the code posts', () => {
    const known = new Set<string>(ENTRY_KINDS);
    const unlisted: string[] = [];
    for (const file of sources(join(process.cwd(), 'main'))) {
      const text = readFileSync(file, 'utf8');
      if (!/postEntr(y|ies)\(|EntryDraft|this\.post\(/.test(text)) continue;
      // `kind: 'x'`, `kind: cond ? 'x' : 'y'`, the demo's `this.post('x', ...)`, and named kind constants.
      const literals = [
        ...[...text.matchAll(/\bkind: ([^,\n]+)/g)].flatMap((m) => [
          ...(m[1] ?? '').matchAll(/'([a-z_]+)'/g),
        ]),
        ...text.matchAll(/this\.post\(\s*'([a-z_]+)'/g),
        ...text.matchAll(/_KIND = '([a-z_]+)'/g),
      ].map((m) => m[1] ?? '');
      for (const kind of literals) {
        if (!known.has(kind) && !NOT_ENTRY_KINDS.has(kind)) unlisted.push(`${file}: ${kind}`);
      }
    }
    expect(unlisted).toEqual([]);
  });
});
