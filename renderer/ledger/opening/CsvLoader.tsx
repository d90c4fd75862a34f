import { type ChangeEvent, useId, useState } from 'react';
import type { OpeningCsvResult } from '../../../shared/contract';
import { call } from '../../api';
import { encodeError, errorSentence } from '../../components/form';
import { memberNumber, useI18n } from '../../i18n';
import { refusalText } from '../statements/refusal';
import type { DraftLine } from './lines';

type CsvRowError = Extract<OpeningCsvResult, { errors: unknown }>['errors'][number];

// The bytes as they are on disk: the main process tells UTF-8 from an older Excel's Latin-1 and refuses
// the latter, where reading the file as text here would quietly garble its names.
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The members of a file's lines as the table shows them, read once rather than one search per line. */
async function memberLabels(): Promise<Map<number, string>> {
  const result = await call('members.list', { text: '', status: 'all', sex: 'all', sort: 'number' });
  if (!result.ok) return new Map();
  return new Map(result.value.map((m) => [m.id, `${memberNumber(m.number)} ${m.nameKm}`]));
}

/**
 * Reads opening balances from a CSV file through the main process. A file with any bad row loads
 * nothing and lists every problem, row by row, so that it can be fixed in one go.
 */
export function CsvLoader({
  onLoaded,
}: {
  onLoaded: (lines: Omit<DraftLine, 'key'>[], fileName: string) => void;
}) {
  const i18n = useI18n();
  const o = i18n.t.statements.opening;
  const id = useId();
  const [refused, setRefused] = useState<{ file: string; errors: CsvRowError[] } | null>(null);
  const [failure, setFailure] = useState('');

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again, once fixed, reads it again.
    input.value = '';
    if (!file) return;
    setRefused(null);
    setFailure('');
    let csvBase64: string;
    try {
      csvBase64 = await readBase64(file);
    } catch {
      setFailure(i18n.t.errors.csv_invalid);
      return;
    }
    const result = await call('ledger.readOpeningCsv', { csvBase64 });
    if (!result.ok) {
      setFailure(refusalText(i18n, result.error));
      return;
    }
    if ('errors' in result.value) {
      setRefused({ file: file.name, errors: result.value.errors });
      return;
    }
    const { lines } = result.value;
    const labels = lines.some((line) => line.memberId !== null) ? await memberLabels() : new Map();
    onLoaded(
      lines.map((line) => ({
        accountId: line.accountId,
        memberId: line.memberId,
        memberLabel: line.memberId === null ? '' : (labels.get(line.memberId) ?? ''),
        amount: line.amount,
      })),
      file.name,
    );
  };

  // The main process counts the rows under the column names from 1; a spreadsheet shows them one lower.
  const rowText = (error: CsvRowError) => {
    const message = errorSentence(i18n, encodeError(error));
    return error.row === 0
      ? i18n.format(o.csvHeader, { field: error.field, message })
      : i18n.format(o.csvRow, { row: error.row + 1, field: error.field, message });
  };

  return (
    <div className="opening-csv">
      {/* The browser's own file button speaks the browser's language: a label in ours stands in for it. */}
      <input
        id={id}
        className="opening-file"
        type="file"
        accept=".csv,.xlsx"
        aria-describedby={`${id}-hint`}
        onChange={load}
      />
      <label htmlFor={id} className="opening-file-button">
        {o.csv}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {o.csvHint}
      </p>
      {failure ? (
        <div className="banner error" role="alert">
          {failure}
        </div>
      ) : null}
      {refused ? (
        <div className="banner error opening-csv-errors" role="alert">
          <p>{o.csvRefused.replace('{file}', refused.file)}</p>
          <ul>
            {refused.errors.map((error) => (
              <li key={`${error.row}-${error.field}-${error.code}`}>{rowText(error)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
