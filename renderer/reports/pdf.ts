import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded when the first report is shown. It parses on this thread ("fake worker"): the app's page
 * loads from file://, where a worker script cannot be relied on to start, and parsing is lazy per page.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist');
  })();
  return pdfjs;
}

export function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export async function openPdf(bytes: Uint8Array): Promise<{ doc: PDFDocumentProxy; close: () => void }> {
  const { getDocument } = await loadPdfJs();
  // No eval (the page's CSP forbids it), errors only on the console, fonts from the PDF itself.
  const task = getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, useSystemFonts: false });
  const doc = await task.promise;
  return { doc, close: () => void task.destroy() };
}

/** Draws a page on the canvas at `scale` (CSS pixels per PDF point, times the device's pixel ratio). */
export async function drawPage(page: PDFPageProxy, canvas: HTMLCanvasElement, scale: number): Promise<void> {
  const viewport = page.getViewport({ scale });
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport }).promise;
}
