import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { changesSinceReview, withBothBackups } from '../backup/changes';
import { createBackup } from '../backup/create';
import type { BackupManifest } from '../backup/format';
import { healthCheck } from '../backup/health';
import { restoreBackup } from '../backup/restore';
import { importReviewCopy } from '../backup/review';
import { verifyBackup } from '../backup/verify';
import { APP_VERSION } from '../backup/version';
import { localIsoDate } from '../clock';
import { openDatabase } from '../db/open';
import { BACKUPS_DIR } from '../session';
import { type CommandLine, CommandOptions, UsageError } from './args';

export const BACKUP_USAGE = `  backup create --db FILE --out DIR [--passphrase-file P]
      Back up the books to one verified file in DIR (a USB stick), encrypted when a passphrase file is
      given (its first line is the passphrase).
  backup verify FILE [--passphrase-file P]
      Check a backup through and through: checksum, decryption, integrity, schema version, row counts.
  backup restore FILE --db FILE [--passphrase-file P]
      Replace the books with the backup's, keeping a verified safety copy of them in backups/ beside
      the database; another cooperative's backup is refused.
  review open FILE [--passphrase-file P]
      Open a backup as a read-only review copy (kept in reviews/ beside it) and say what it holds.
  review changes OLD NEW --format json|pdf [--out FILE.pdf] [--lang km|en] [--passphrase-file P]
      What changed between two backups of the same cooperative (OLD from the last review): entries
      added and reversed, members added and changed, the profile's fields; as JSON, or printed.
  health-check --db FILE [--format json]
      Check the books: each currency and entry balances, member sub-ledgers and month totals agree
      with their accounts, no negative savings, nothing posted into a closed month, cash never below
      zero on any day.
`;

// A passphrase on the command line would stay in the shell's history; a file does not.
function passphraseOf(options: CommandOptions): { passphrase?: string } {
  const file = options.optional('passphrase-file');
  if (file === undefined) return {};
  if (!existsSync(file)) throw new UsageError(`--passphrase-file: no file at ${file}`);
  const passphrase = readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  if (passphrase === '') throw new UsageError('--passphrase-file: the first line is empty');
  return { passphrase };
}

function oneFile(line: CommandLine): string {
  const files = line.words.slice(2);
  if (files.length !== 1) throw new UsageError(`${line.words.slice(0, 2).join(' ')} takes one backup file`);
  return files[0] as string;
}

const summary = (file: string, m: BackupManifest) =>
  [
    `${file}`,
    `  cooperative: ${m.cooperative.nameKm}${m.cooperative.registrationNumber ? ` (${m.cooperative.registrationNumber})` : ''}`,
    `  made: ${m.createdAt} by Sahakum ${m.appVersion}, schema version ${m.schemaVersion}`,
    `  ${m.encrypted ? 'encrypted' : 'not encrypted'}, ${m.databaseBytes} bytes, sha256 ${m.sha256}`,
    `  members ${m.rowCounts.members ?? 0}, journal entries ${m.rowCounts.journal_entries ?? 0}, lines ${m.rowCounts.journal_lines ?? 0}`,
    '',
  ].join('\n');

async function create(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'out', 'passphrase-file']);
  const db = options.required('db');
  const dir = options.required('out');
  const secret = passphraseOf(options);
  const books = await openDatabase(db, { mustExist: true });
  try {
    const made = await createBackup(books.sqlite, {
      dir,
      appVersion: APP_VERSION,
      at: new Date(),
      ...secret,
    });
    process.stdout.write(`backed up and verified: ${summary(made.file, made.manifest)}`);
  } finally {
    await books.close();
  }
}

async function verify(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['passphrase-file']);
  const file = oneFile(line);
  const manifest = await verifyBackup(file, passphraseOf(options));
  process.stdout.write(`verified: ${summary(file, manifest)}`);
}

async function restore(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'passphrase-file']);
  const file = oneFile(line);
  const db = options.required('db');
  const books = existsSync(db) ? await openDatabase(db, { mustExist: true }) : null;
  let closed = false;
  const close = async () => {
    if (!closed) await books?.close();
    closed = true;
  };
  try {
    const restored = await restoreBackup(
      file,
      { file: db, sqlite: books?.sqlite ?? null, close },
      {
        appVersion: APP_VERSION,
        at: new Date(),
        safetyDir: join(dirname(db), BACKUPS_DIR),
        ...passphraseOf(options),
      },
    );
    if (restored.safetyCopy)
      process.stdout.write(`the books replaced are kept in ${restored.safetyCopy.file}\n`);
    process.stdout.write(`restored into ${db}: ${summary(file, restored.manifest)}`);
  } finally {
    await close();
  }
}

async function reviewOpen(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['passphrase-file']);
  const file = oneFile(line);
  const copy = await importReviewCopy(file, join(dirname(file), 'reviews'), passphraseOf(options));
  process.stdout.write(`review copy (read-only) ${copy.file}\n${summary(file, copy.manifest)}`);
}

async function reviewChanges(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['format', 'passphrase-file', 'out', 'lang']);
  const format = options.choice('format', ['json', 'pdf'], 'json');
  const files = line.words.slice(2);
  if (files.length !== 2) throw new UsageError('review changes takes two backup files: OLD NEW');
  const [older, newer] = files as [string, string];
  if (format === 'json') {
    if (options.optional('out') !== undefined || options.optional('lang') !== undefined)
      throw new UsageError('--out and --lang are only for --format pdf');
    const changes = await changesSinceReview(older, newer, passphraseOf(options));
    process.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
    return;
  }
  const out = options.required('out');
  const lang = options.choice('lang', ['km', 'en'], 'km');
  // The PDF and font code only for the command that prints.
  const [{ reviewChangesPdf }, { writeFileWhole }] = await Promise.all([
    import('../reports/review-changes'),
    import('../files/write-whole'),
  ]);
  const today = localIsoDate(new Date());
  const pdf = await withBothBackups(older, newer, passphraseOf(options), ({ changes, newer: books }) =>
    reviewChangesPdf(books, changes, { lang, today }),
  );
  await writeFileWhole(out, pdf);
  process.stdout.write(`wrote ${out} (${pdf.length} bytes)\n`);
}

async function health(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'format']);
  options.choice('format', ['json'], 'json');
  const books = await openDatabase(options.required('db'), { readOnly: true });
  try {
    process.stdout.write(`${JSON.stringify(healthCheck(books.sqlite), null, 2)}\n`);
  } finally {
    await books.close();
  }
}

export const BACKUP_COMMANDS: Record<string, (line: CommandLine) => Promise<void>> = {
  'backup create': create,
  'backup verify': verify,
  'backup restore': restore,
  'review open': reviewOpen,
  'review changes': reviewChanges,
  'health-check': health,
};
