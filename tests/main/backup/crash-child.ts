// Run by crash.test.ts in a child process that is killed with SIGKILL at a random moment: makes backups
// of the books one after another, or restores a backup over them, saying on stdout what it finished.
import { createBackup } from '../../../main/backup/create';
import { restoreBackup } from '../../../main/backup/restore';
import { openDatabase } from '../../../main/db/open';

async function main(): Promise<void> {
  const [mode, books, target] = process.argv.slice(2) as [string, string, string];
  const opened = await openDatabase(books, { mustExist: true });
  process.stdout.write('ready\n');
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
