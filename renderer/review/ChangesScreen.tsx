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
          <h2>{r.entries}</h2>
          {changes.entriesAdded.length === 0 ? (
            <p className="muted">{r.nothing}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{r.date}</th>
                  <th>{r.number}</th>
                  <th>{r.kind}</th>
                  <th>{r.memo}</th>
                  <th>{r.reverses}</th>
                </tr>
              </thead>
              <tbody>
                {changes.entriesAdded.map((entry) => (
                  <tr key={entry.id}>
                    <td>{i18n.date(entry.date)}</td>
                    <td>{entry.number ?? ''}</td>
                    <td>{kinds[entry.kind as EntryKind] ?? entry.kind}</td>
                    <td>{entry.memo}</td>
                    <td>{entry.reverses ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{r.membersAdded}</h2>
          {changes.membersAdded.length === 0 ? (
            <p className="muted">{r.nothing}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{r.number}</th>
                  <th>{r.name}</th>
                  <th>{r.joined}</th>
                </tr>
              </thead>
              <tbody>
                {changes.membersAdded.map((member) => (
                  <tr key={member.id}>
                    <td>{i18n.num(member.number)}</td>
                    <td>{member.nameKm}</td>
                    <td>{i18n.date(member.joinDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{r.membersChanged}</h2>
          {changes.membersChanged.length === 0 ? (
            <p className="muted">{r.nothing}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{r.number}</th>
                  <th>{r.name}</th>
                  <th>{r.fields}</th>
                </tr>
              </thead>
              <tbody>
                {changes.membersChanged.map((member) => (
                  <tr key={member.id}>
                    <td>{i18n.num(member.number)}</td>
                    <td>{member.nameKm}</td>
                    <td>{member.fields.map(fieldWord).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{r.profile}</h2>
          {changes.profileChanges.length === 0 ? (
            <p className="muted">{r.nothing}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{r.field}</th>
                  <th>{r.before}</th>
                  <th>{r.after}</th>
                </tr>
              </thead>
              <tbody>
                {changes.profileChanges.map((change) => (
                  <tr key={change.field}>
                    <td>{fieldWord(change.field)}</td>
                    <td>{change.before ?? ''}</td>
                    <td>{change.after ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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
