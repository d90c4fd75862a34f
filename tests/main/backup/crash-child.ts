// Run by crash.test.ts in a child process that is killed with SIGKILL at a random moment: makes backups
// of the books one after another, restores a backup over them, or posts business events one after
// another (an entry each, and every fourth a new member), saying on stdout what it finished.
import { createBackup } from '../../../main/backup/create';
import { restoreBackup } from '../../../main/backup/restore';
import { nowFrom } from '../../../main/clock';
import { type OpenedDatabase, openDatabase } from '../../../main/db/open';
import { post } from '../../../main/ledger/posting';
import { addMember } from './books';

async function postEvents(opened: OpenedDatabase): Promise<never> {
  const account = (where: string) =>
    opened.sqlite
      .prepare(
        `SELECT id FROM accounts WHERE currency = 'KHR' AND is_control = 0 AND active = 1 AND ${where}`,
      )
      .pluck()
      .get() as number;
  const cash = account('is_cash = 1');
  const income = account("type = 'income'");
  for (let i = 1; ; i++) {
    const now = nowFrom(() => new Date());
    const lines = [
      { accountId: cash, currency: 'KHR' as const, amount: 1000 * i },
      { accountId: income, currency: 'KHR' as const, amount: -1000 * i },
    ];
    const id = await post(
      opened.db,
      { date: now.today, kind: 'receipt', memo: `ការលក់ ${i}`, lines },
      { ...now, user: 'crash' },
    );
    if (i % 4 === 0) await addMember(opened, `សមាជិក ${i}`);
    process.stdout.write(`posted ${id}\n`);
  }
}

async function main(): Promise<void> {
  const [mode, books, target] = process.argv.slice(2) as [string, string, string];
  const opened = await openDatabase(books, { mustExist: true });
  process.stdout.write('ready\n');
  if (mode === 'post') await postEvents(opened);
  if (mode === 'backup') {
    for (;;) {
      const made = await createBackup(opened.sqlite, { dir: target, appVersion: 'crash', at: new Date() });
      process.stdout.write(`made ${made.file}\n`);
    }
  }
  await restoreBackup(
    target,
    { file: books, sqlite: opened.sqlite, close: () => opened.close() },
    { appVersion: 'crash', at: new Date(), safetyDir: `${books}.safety` },
  );
  process.stdout.write('restored\n');
}

void main();
