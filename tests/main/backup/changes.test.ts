import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesSinceReview, withBothBackups } from '../../../main/backup/changes';
import { createBackup } from '../../../main/backup/create';
import type { OpenedDatabase } from '../../../main/db/open';
import { reverseEntry } from '../../../main/ledger/posting';
import { reviewChangesPdf } from '../../../main/reports/review-changes';
import type { ErrorCode } from '../../../shared/errors';
import { AT, addMember, anotherCooperative, demoBooks, NOW, preyKhlaBooks, scratchDir } from './books';

let scratch: ReturnType<typeof scratchDir>;
let books: OpenedDatabase;
beforeEach(async () => {
  scratch = scratchDir();
  books = await demoBooks(join(scratch.dir, 'sahakum.db'));
});
afterEach(async () => {
  await books.close();
  scratch.done();
});

const backup = async (db: OpenedDatabase, name: string) =>
  (await createBackup(db.sqlite, { dir: join(scratch.dir, name), appVersion: '0.1.0', at: AT })).file;

describe('changes since the last review', () => {
  it('lists the entries added and reversed, members added and changed, and the profile fields', async () => {
    const older = await backup(books, 'visit-1');
    const last = books.sqlite
      .prepare(
        "SELECT id, number FROM journal_entries WHERE date >= '2026-11-01' AND reverses_id IS NULL ORDER BY id DESC LIMIT 1",
      )
      .get() as { id: number; number: string };
    const reversal = await reverseEntry(
      books.db,
      { entryId: last.id, reason: 'បញ្ចូលខុស', date: NOW.today },
      { ...NOW, user: 'លី ចន្ធូ' },
    );
    const added = await addMember(books, 'ហេង វិចិត្រ');
    books.sqlite
      .prepare("UPDATE members SET phone = '012345678', village = 'ត្រពាំងស្វាយ' WHERE number = 3")
      .run();
    books.sqlite.prepare("UPDATE cooperative SET treasurer = 'សុខ ចិន្តា'").run();
    const newer = await backup(books, 'visit-2');

    const changes = await changesSinceReview(older, newer);
    expect(changes.entriesAdded.map((e) => e.id)).toEqual([reversal]);
    expect(changes.entriesReversed).toEqual([
      expect.objectContaining({ id: reversal, reverses: last.number }),
    ]);
    expect(changes.membersAdded).toEqual([
      { id: added.id, number: added.number, nameKm: 'ហេង វិចិត្រ', joinDate: '2026-11-01' },
    ]);
    expect(changes.membersChanged).toEqual([
      expect.objectContaining({ number: 3, fields: ['phone', 'village'] }),
    ]);
    expect(changes.profileChanges).toEqual([
      { field: 'treasurer', before: expect.any(String), after: 'សុខ ចិន្តា' },
    ]);
  });

  it('prints them, in Khmer, framed with the newer backup’s profile', async () => {
    const older = await backup(books, 'visit-1');
    const added = await addMember(books, 'ហេង វិចិត្រ');
    books.sqlite.prepare("UPDATE members SET phone = '012345678' WHERE number = 3").run();
    const newer = await backup(books, 'visit-2');
    const pdf = await withBothBackups(older, newer, {}, ({ changes, newer: db }) =>
      reviewChangesPdf(db, changes, { lang: 'km', today: NOW.today }),
    );
    const file = join(scratch.dir, 'changes.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('ការផ្លាស់ប្តូរតាំងពីការពិនិត្យលើកមុន');
    expect(text).toContain('ប្រតិបត្តិការថ្មី ០ · ក្នុងនោះបញ្ច្រាស ០ · សមាជិកថ្មី ១ · សមាជិកបានកែប្រែ ១');
    expect(text).toContain('ហេង វិចិត្រ');
    expect(text).toContain(`${added.number}`.replace(/\d/g, (d) => '០១២៣៤៥៦៧៨៩'[Number(d)] ?? d));
    expect(text).toContain('លេខទូរស័ព្ទ');
  });

  it("refuses two different cooperatives' backups", async () => {
    const ours = await backup(books, 'ours');
    const other = await preyKhlaBooks(join(scratch.dir, 'other.db'), anotherCooperative);
    const theirs = await backup(other, 'theirs');
    await other.close();
    const code = await changesSinceReview(ours, theirs).then(
      () => null,
      (e: { error?: { code: ErrorCode } }) => e.error?.code,
    );
    expect(code).toBe('backup_foreign');
  });
});
