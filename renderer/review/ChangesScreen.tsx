import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useId, useState } from 'react';
import { CHANGED_FIELD_WORDS, type ChangesSinceReview } from '../../shared/backup';
import type { EntryKind } from '../../shared/entry-kinds';
import type { BuiltReport } from '../../shared/reports';
import { call } from '../api';
import { encodeError, errorSentence } from '../components/form';
import { useI18n } from '../i18n';
import { PdfPreview } from '../reports/PdfPreview';
import { base64Bytes, openPdf } from '../reports/pdf';

interface Chosen {
  file: string | null;
  passphrase: string;
}

function BackupChoice({
  label,
  chosen,
  onChange,
}: {
  label: string;
  chosen: Chosen;
  onChange: (next: Chosen) => void;
}) {
  const { t } = useI18n();
  const r = t.review;
  const id = useId();
  const choose = async () => {
    const result = await call('backup.chooseFile', {});
    if (result.ok && result.value.file) onChange({ ...chosen, file: result.value.file });
  };
  return (
    <fieldset className="panel review-choice">
      <legend>{label}</legend>
      <button type="button" onClick={() => void choose()}>
        {r.choose}
      </button>
      <p className="muted review-file">{chosen.file ?? r.none}</p>
      <label htmlFor={id}>{r.passphrase}</label>
      <input
        id={id}
        type="password"
        value={chosen.passphrase}
        onChange={(event) => onChange({ ...chosen, passphrase: event.target.value })}
      />
    </fieldset>
  );
}

/** One kind of change: its heading, then its rows, or "none". */
function ChangeTable(props: {
  title: string;
  empty: string;
  header: readonly string[];
  rows: readonly { key: string; cells: readonly string[] }[];
}) {
  return (
    <>
      <h2>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              {props.header.map((label) => (
                <th key={label}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order.
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The reviewer's comparison of two backups of the same cooperative, on screen and printed. */
export function ChangesScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const r = t.review;
  const [older, setOlder] = useState<Chosen>({ file: null, passphrase: '' });
  const [newer, setNewer] = useState<Chosen>({ file: null, passphrase: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [found, setFound] = useState<{
    changes: ChangesSinceReview;
    report: BuiltReport;
    doc: PDFDocumentProxy;
    close: () => void;
  } | null>(null);
  useEffect(() => () => found?.close(), [found]);

  const side = (chosen: Chosen) => ({
    file: chosen.file ?? '',
    ...(chosen.passphrase ? { passphrase: chosen.passphrase } : {}),
  });
  const compare = async () => {
    setBusy(true);
    setMessage(null);
    setFound(null);
    const result = await call('review.changes', {
      older: side(older),
      newer: side(newer),
      lang: i18n.language,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ ok: false, text: errorSentence(i18n, encodeError(result.error)) });
      return;
    }
    const opened = await openPdf(base64Bytes(result.value.report.pdf));
    setFound({ ...result.value, ...opened });
  };
  const save = async () => {
    if (!found) return;
    const result = await call('reports.save', { id: found.report.id });
    if (!result.ok) setMessage({ ok: false, text: errorSentence(i18n, encodeError(result.error)) });
    else if (result.value.saved)
      setMessage({ ok: true, text: i18n.format(r.saved, {}, { path: result.value.path }) });
  };

  const changes = found?.changes;
  const kinds = t.vouchers.journal.kinds as Record<EntryKind, string>;
  const fieldWord = (name: string) => CHANGED_FIELD_WORDS[i18n.language][name] ?? name;
  return (
    <section className="screen changes-screen">
      <header className="screen-header">
        <h1>{r.title}</h1>
      </header>
      <p className="muted">{r.intro}</p>
      <div className="review-choices">
        <BackupChoice label={r.older} chosen={older} onChange={setOlder} />
        <BackupChoice label={r.newer} chosen={newer} onChange={setNewer} />
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !older.file || !newer.file}
          onClick={() => void compare()}
        >
          {r.compare}
        </button>
        {found ? (
          <button type="button" onClick={() => void save()}>
            {r.save}
          </button>
        ) : null}
      </div>
      {busy ? <p className="report-status">{r.comparing}</p> : null}
      {message ? (
        <div className={message.ok ? 'banner ok' : 'banner error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </div>
      ) : null}
      {changes ? (
        <>
          <p className="review-summary" role="status">
            {i18n.format(r.summary, {
              entries: changes.entriesAdded.length,
              reversed: changes.entriesReversed.length,
              added: changes.membersAdded.length,
              changed: changes.membersChanged.length,
            })}
          </p>
          <ChangeTable
            title={r.entries}
            empty={r.nothing}
            header={[r.date, r.number, r.kind, r.memo, r.reverses]}
            rows={changes.entriesAdded.map((entry) => ({
              key: String(entry.id),
              cells: [
                i18n.date(entry.date),
                entry.number ?? '',
                kinds[entry.kind as EntryKind] ?? entry.kind,
                entry.memo,
                entry.reverses ?? '',
              ],
            }))}
          />
          <ChangeTable
            title={r.membersAdded}
            empty={r.nothing}
            header={[r.number, r.name, r.joined]}
            rows={changes.membersAdded.map((member) => ({
              key: String(member.id),
              cells: [i18n.num(member.number), member.nameKm, i18n.date(member.joinDate)],
            }))}
          />
          <ChangeTable
            title={r.membersChanged}
            empty={r.nothing}
            header={[r.number, r.name, r.fields]}
            rows={changes.membersChanged.map((member) => ({
              key: String(member.id),
              cells: [i18n.num(member.number), member.nameKm, member.fields.map(fieldWord).join(', ')],
            }))}
          />
          <ChangeTable
            title={r.profile}
            empty={r.nothing}
            header={[r.field, r.before, r.after]}
            rows={changes.profileChanges.map((change) => ({
              key: change.field,
              cells: [fieldWord(change.field), String(change.before ?? ''), String(change.after ?? '')],
            }))}
          />
        </>
      ) : null}
      {found && !busy ? (
        <div className="report-preview">
          <PdfPreview key={found.report.id} doc={found.doc} />
        </div>
      ) : null}
    </section>
  );
}
