import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { drawPage } from './pdf';

const A4_RATIO = 841.89 / 595.28;

/** One page: drawn when it comes near the view, so that a 3,000-page statement opens at once. */
function PreviewPage({ doc, number }: { doc: PDFDocumentProxy; number: number }) {
  const i18n = useI18n();
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const element = holder.current;
    if (!element || drawn) return;
    let cancelled = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void (async () => {
          try {
            const page = await doc.getPage(number);
            const target = canvas.current;
            if (cancelled || !target) return;
            const cssWidth = element.clientWidth;
            const pageWidth = page.getViewport({ scale: 1 }).width;
            await drawPage(page, target, (cssWidth / pageWidth) * (window.devicePixelRatio || 1));
            if (!cancelled) setDrawn(true);
          } catch {
            // The report was replaced by another while this page was being drawn: nothing to show.
          }
        })();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [doc, number, drawn]);

  return (
    <div
      ref={holder}
      className={drawn ? 'report-page drawn' : 'report-page'}
      style={{ aspectRatio: `1 / ${A4_RATIO}` }}
      aria-label={i18n.format(i18n.t.reports.page, { page: number })}
      role="img"
    >
      <canvas ref={canvas} />
    </div>
  );
}

/** The built report's pages, one under the other, as they will print. */
export function PdfPreview({ doc }: { doc: PDFDocumentProxy }) {
  const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1);
  return (
    <div className="report-pages">
      {numbers.map((n) => (
        <PreviewPage key={n} doc={doc} number={n} />
      ))}
    </div>
  );
}
