import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawPage } from './pdf';

/**
 * Beyond this many pages the report is not printed from the app: every page is drawn as an image first,
 * and a 3,000-page print job belongs in a PDF reader (the screen says so).
 */
export const MAX_PRINT_PAGES = 300;
/** Pixels per PDF point for printing: about 200 dots per inch, sharp Khmer on a village office's printer. */
const PRINT_SCALE = 200 / 72;

/**
 * Prints the report through the window's print dialog: each page is drawn once at print resolution into an
 * image kept outside the app's own tree, which the print stylesheet alone shows, one A4 sheet per page.
 */
export async function printPages(
  doc: PDFDocumentProxy,
  show: (images: string[]) => void,
): Promise<'printed' | 'too-long'> {
  if (doc.numPages > MAX_PRINT_PAGES) return 'too-long';
  const canvas = document.createElement('canvas');
  const images: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      await drawPage(await doc.getPage(n), canvas, PRINT_SCALE);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (blob) images.push(URL.createObjectURL(blob));
    }
    show(images);
    await Promise.all(
      Array.from(document.querySelectorAll<HTMLImageElement>('.print-pages img')).map((img) => img.decode()),
    );
    await new Promise((resolve) => requestAnimationFrame(resolve));
    window.print();
    return 'printed';
  } finally {
    show([]);
    for (const url of images) URL.revokeObjectURL(url);
  }
}
