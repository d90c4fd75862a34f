import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/audit/verify';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { auditFindingText } from '../../shared/audit';
import { demoBooks, scratchDir } from './backup/books';

// Each tamper is made as an outside program would: a second, plain better-sqlite3 handle on the file,
// with the app's books closed, then the books opened again and checked.
let scratch: ReturnType<typeof scratchDir>;
let file: string;

beforeEach(async () => {
  scratch = scratchDir();
  file = join(scratch.dir, 'books.db');
  const books = await demoBooks(file, 6);
  await books.close();
});
afterEach(() => scratch.done());

function outside(edit: (sqlite: BetterSqlite3.Database) => void): void {
  const sqlite = new BetterSqlite3(file);
  try {
    edit(sqlite);
  } finally {
    sqlite.close();
  }
}

async function check() {
  const opened: OpenedDatabase = await openDatabase(file, { mustExist: true });
  try {
    return verifyAudit(opened.sqlite);
  } finally {
    await opened.close();
  }
}

const one = <T>(sqlite: BetterSqlite3.Database, query: string, ...params: unknown[]) =>
  sqlite.prepare(query).get(...params) as T;

describe('audit verify: untouched books', () => {
  it('finds the demo books intact, every log row sealed and chained', async () => {
    const report = await check();
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
    outside((sqlite) => {
      const counts = one<{ rows: number; sealed: number }>(
        sqlite,
        'SELECT (SELECT count(*) FROM audit_log) AS rows, (SELECT count(*) FROM audit_seal) AS sealed',
      );
      expect(report.rows).toBe(counts.rows);
      expect(counts.sealed).toBe(counts.rows);
      // Every entry the demo posted is in the log, with its lines' digest in the after-image.
      const entries = one<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM journal_entries').n;
      const logged = one<{ n: number }>(
        sqlite,
        `SELECT count(*) AS n FROM audit_log WHERE table_name = 'journal_entries' AND action = 'insert'
           AND json_extract(after, '$.lines_digest') IS NOT NULL`,
      ).n;
      expect(logged).toBe(entries);
    });
  });
});

describe('audit verify names each outside edit', () => {
  it('an audit row edited (its trigger dropped first, as an editor must)', async () => {
    let target = 0;
    outside((sqlite) => {
      target = one<{ id: number }>(
        sqlite,
        "SELECT id FROM audit_log WHERE table_name = 'members' LIMIT 1",
      ).id;
      sqlite.exec('DROP TRIGGER audit_log_no_update');
      sqlite
        .prepare("UPDATE audit_log SET after = json_set(after, '$.name_km', 'ក') WHERE id = ?")
        .run(target);
    });
    const report = await check();
    expect(report.intact).toBe(false);
    expect(report.findings[0]).toEqual({ kind: 'row_edited', logId: target });
    expect(report.findings).toContainEqual({ kind: 'trigger_missing', name: 'audit_log_no_update' });
    expect(auditFindingText(report.findings[0] ?? { kind: 'log_missing' }, 'km')).toBe(
      `កំណត់ត្រាសវនកម្មលេខ ${target} ត្រូវបានកែប្រែនៅក្រៅកម្មវិធី។`,
    );
  });

  it('an audit row deleted', async () => {
    let target = 0;
    outside((sqlite) => {
      target = one<{ id: number }>(
        sqlite,
        "SELECT id FROM audit_log WHERE table_name = 'share_movements' LIMIT 1",
      ).id;
      sqlite.exec('DROP TRIGGER audit_log_no_delete');
      sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(target);
    });
    const report = await check();
    expect(report.findings[0]).toEqual({ kind: 'rows_removed', logId: target + 1, afterId: target - 1 });
    expect(report.findings).toContainEqual({ kind: 'trigger_missing', name: 'audit_log_no_delete' });
    // The share movement it described is now in the books with no log row saying so.
    expect(
      report.findings.some((f) => f.kind === 'book_row_unlogged' && f.tableName === 'share_movements'),
    ).toBe(true);
  });

  it('the last audit rows deleted, their seals left', async () => {
    let last = 0;
    outside((sqlite) => {
      last = one<{ id: number }>(sqlite, 'SELECT max(id) AS id FROM audit_log').id;
      sqlite.exec('DROP TRIGGER audit_log_no_delete');
      sqlite.prepare('DELETE FROM audit_log WHERE id >= ?').run(last - 1);
    });
    const report = await check();
    expect(report.findings[0]).toEqual({ kind: 'rows_removed', logId: last - 1, afterId: last - 2 });
  });

  it('an audit row inserted, hash and all, in the middle of the chain', async () => {
    let last = 0;
    outside((sqlite) => {
      last = one<{ id: number }>(sqlite, 'SELECT max(id) AS id FROM audit_log').id;
      // A forger copies a sealed row and its seal (valid for its own content) to the end: its id is
      // part of what the hash covers.
      sqlite.exec(`INSERT INTO audit_log (action, table_name, row_id, row_key, before, after)
        SELECT action, table_name, row_id, row_key, before, after FROM audit_log WHERE id = 10`);
      sqlite.exec(`INSERT INTO audit_seal (id, at, user, prev_hash, hash)
        SELECT ${last + 1}, at, user, prev_hash, hash FROM audit_seal WHERE id = 10`);
    });
    const report = await check();
    expect(report.findings[0]).toEqual({ kind: 'row_edited', logId: last + 1 });
  });

  it('an audit row inserted by a program that cannot seal it', async () => {
    let last = 0;
    outside((sqlite) => {
      last = one<{ id: number }>(sqlite, 'SELECT max(id) AS id FROM audit_log').id;
      sqlite.exec(
        `INSERT INTO audit_log (action, table_name, row_id, after) VALUES ('insert', 'members', 99, '{}')`,
      );
    });
    const report = await check();
    expect(report.findings[0]).toEqual({
      kind: 'unsealed',
      logId: last + 1,
      tableName: 'members',
      rowId: 99,
      rowKey: null,
    });
    expect(report.findings).toContainEqual({
      kind: 'book_row_missing',
      logId: last + 1,
      tableName: 'members',
      rowId: 99,
      rowKey: null,
    });
  });

  it('a member edited outside the app: the trigger logs it, but nothing seals it', async () => {
    let last = 0;
    outside((sqlite) => {
      last = one<{ id: number }>(sqlite, 'SELECT max(id) AS id FROM audit_log').id;
      sqlite.prepare("UPDATE members SET name_km = 'សុខ ស្រីនាង' WHERE id = 3").run();
    });
    const report = await check();
    expect(report.findings).toEqual([
      { kind: 'unsealed', logId: last + 1, tableName: 'members', rowId: 3, rowKey: null },
    ]);
    expect(auditFindingText(report.findings[0] ?? { kind: 'log_missing' }, 'en')).toBe(
      `Audit log row ${last + 1} (row 3 of members) was written by another program, not by Sahakum.`,
    );
  });

  it('a member edited outside the app with the audit trigger dropped first', async () => {
    outside((sqlite) => {
      sqlite.exec('DROP TRIGGER audit_members_update');
      sqlite.prepare("UPDATE members SET village = 'ត្រពាំង' WHERE id = 4").run();
    });
    const report = await check();
    const latest = await latestLog('members', 4);
    expect(report.findings).toEqual([
      { kind: 'trigger_missing', name: 'audit_members_update' },
      { kind: 'book_row_changed', logId: latest, tableName: 'members', rowId: 4, rowKey: null },
    ]);
    expect(auditFindingText(report.findings[1] ?? { kind: 'log_missing' }, 'km')).toBe(
      `ជួរលេខ 4 នៃ «សមាជិក» មិនដូចកំណត់ត្រាសវនកម្មលេខ ${latest} ទេ៖ វាត្រូវបានកែប្រែនៅក្រៅកម្មវិធី។`,
    );
  });

  it('a member deleted and one added with every audit trigger of members dropped', async () => {
    outside((sqlite) => {
      for (const action of ['insert', 'update', 'delete'])
        sqlite.exec(`DROP TRIGGER audit_members_${action}`);
      sqlite.exec('PRAGMA foreign_keys = OFF');
      sqlite.prepare('DELETE FROM members WHERE id = 6').run();
      sqlite.exec(`INSERT INTO members (id, number, name_km, name_latin, sex, join_date, status, created_at, updated_at)
                   SELECT 900, 900, 'ខ្មោច', '', 'M', join_date, 'active', created_at, updated_at FROM members WHERE id = 1`);
    });
    const report = await check();
    const kinds = report.findings.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'trigger_missing')).toHaveLength(3);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'book_row_missing', tableName: 'members', rowId: 6 }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'book_row_unlogged', tableName: 'members', rowId: 900 }),
    );
  });

  it("a posted line's amount changed, after dropping the immutability trigger", async () => {
    let entry = { id: 0, number: null as string | null };
    outside((sqlite) => {
      entry = one<{ id: number; number: string | null }>(
        sqlite,
        "SELECT id, number FROM journal_entries WHERE kind <> 'opening' ORDER BY id LIMIT 1 OFFSET 5",
      );
      sqlite.exec('DROP TRIGGER journal_lines_no_update');
      sqlite.prepare('UPDATE journal_lines SET amount = amount * 10 WHERE entry_id = ?').run(entry.id);
    });
    const report = await check();
    expect(report.findings).toEqual([
      { kind: 'trigger_missing', name: 'journal_lines_no_update' },
      { kind: 'lines_changed', entryId: entry.id, number: entry.number },
    ]);
  });

  it('a trigger dropped, and one changed', async () => {
    outside((sqlite) => {
      sqlite.exec('DROP TRIGGER journal_entries_no_delete');
      sqlite.exec('DROP TRIGGER audit_savings_accounts_insert');
      sqlite.exec(
        `CREATE TRIGGER audit_savings_accounts_insert AFTER INSERT ON savings_accounts BEGIN SELECT 1; END`,
      );
    });
    const report = await check();
    expect(report.findings).toEqual([
      { kind: 'trigger_changed', name: 'audit_savings_accounts_insert' },
      { kind: 'trigger_missing', name: 'journal_entries_no_delete' },
    ]);
    expect(auditFindingText(report.findings[1] ?? { kind: 'log_missing' }, 'en')).toBe(
      'The protective trigger journal_entries_no_delete was dropped.',
    );
  });
});

async function latestLog(table: string, rowId: number): Promise<number> {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return one<{ id: number }>(
      sqlite,
      'SELECT max(id) AS id FROM audit_log WHERE table_name = ? AND row_id = ?',
      table,
      rowId,
    ).id;
  } finally {
    sqlite.close();
  }
}
