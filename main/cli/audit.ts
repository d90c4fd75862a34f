import { auditFindingText } from '../../shared/audit';
import { verifyAudit } from '../audit/verify';
import { openDatabase } from '../db/open';
import { type CommandLine, CommandOptions } from './args';
import { BooksRefusal } from './books';

export const AUDIT_USAGE = `  audit verify --db FILE [--format text|json]
      Check the audit trail: the hash chain row by row, rows written outside Sahakum, the protective
      triggers, every row of the books against its last image in the log, every entry's lines against
      their digest. Names the first place they disagree; exits 1 when anything does.
`;

async function verify(line: CommandLine): Promise<void> {
  const options = new CommandOptions(line.options, ['db', 'format']);
  const format = options.choice('format', ['text', 'json'], 'text');
  const books = await openDatabase(options.required('db'), { readOnly: true });
  let report: ReturnType<typeof verifyAudit>;
  try {
    report = verifyAudit(books.sqlite);
  } finally {
    await books.close();
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.intact) {
    process.stdout.write(
      `កំណត់ត្រាសវនកម្មត្រឹមត្រូវ (${report.rows} ជួរ)\nThe audit trail is intact (${report.rows} rows).\n`,
    );
  } else {
    for (const finding of report.findings) {
      process.stdout.write(`${auditFindingText(finding, 'km')}\n  ${auditFindingText(finding, 'en')}\n`);
    }
  }
  if (!report.intact) {
    const total = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
    throw new BooksRefusal(`the audit trail does not verify: ${total} finding(s)`);
  }
}

export const AUDIT_COMMANDS: Record<string, (line: CommandLine) => Promise<void>> = {
  'audit verify': verify,
};
