import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { BuiltReport, ReportRequestInput } from '../../shared/reports';
import { call } from '../api';
import { encodeError, errorSentence } from '../components/form';
import { useI18n } from '../i18n';
import { PdfPreview } from '../reports/PdfPreview';
import { base64Bytes, openPdf } from '../reports/pdf';
import { printPages } from '../reports/print';

/**
 * Buttons that build a report of this screen (minutes, attendance sheet, annual report) through the same
 * report worker as the Reports screen, with its preview, saving and printing.
 */
export function PrintPanel({ requests }: { requests: { label: string; request: ReportRequestInput }[] }) {
  const i18n = useI18n();
  const m = i18n.t.meetings;
  const [shown, setShown] = useState<{ built: BuiltReport; doc: PDFDocumentProxy; close: () => void } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [images, setImages] = useState<string[]>([]);
  useEffect(() => () => shown?.close(), [shown]);

  const build = async (request: ReportRequestInput) => {
    setBusy(true);
    setMessage(null);
    const result = await call('reports.build', request);
    setBusy(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: errorSentence(i18n, encodeError(result.error)) });
      return;
    }
    const opened = await openPdf(base64Bytes(result.value.pdf));
    setShown({ built: result.value, ...opened });
  };
  const save = async () => {
    if (!shown) return;
    const result = await call('reports.save', { id: shown.built.id });
    if (!result.ok) setMessage({ kind: 'error', text: errorSentence(i18n, encodeError(result.error)) });
    else if (result.value.saved)
      setMessage({ kind: 'ok', text: i18n.format(m.pdf.saved, {}, { path: result.value.path }) });
  };
  const print = async () => {
    if (!shown) return;
    await printPages(shown.doc, (pages) => flushSync(() => setImages(pages)));
  };

  return (
    <div className="print-panel">
      <div className="actions">
        {requests.map(({ label, request }) => (
          <button key={label} type="button" disabled={busy} onClick={() => void build(request)}>
            {label}
          </button>
        ))}
      </div>
      {busy ? <p className="report-status">{m.pdf.building}</p> : null}
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {shown && !busy ? (
        <div className="report-preview">
          <div className="report-toolbar">
            <span className="report-name">{shown.built.fileName}</span>
            <button type="button" onClick={() => void save()}>
              {m.pdf.save}
            </button>
            <button type="button" onClick={() => void print()}>
              {m.pdf.print}
            </button>
          </div>
          <PdfPreview key={shown.built.id} doc={shown.doc} />
        </div>
      ) : null}
      {images.length > 0
        ? createPortal(
            <div className="print-pages">
              {images.map((src) => (
                <img key={src} src={src} alt="" />
              ))}
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
