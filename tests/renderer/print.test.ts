import type { PDFDocumentProxy } from 'pdfjs-dist';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PRINT_PAGES, printPages } from '../../renderer/reports/print';

describe('printing from the Reports screen', () => {
  it('sends a report of more than 300 pages to a PDF reader instead of drawing every page', async () => {
    const show = vi.fn();
    const getPage = vi.fn();
    const doc = { numPages: MAX_PRINT_PAGES + 1, getPage } as unknown as PDFDocumentProxy;
    await expect(printPages(doc, show)).resolves.toBe('too-long');
    expect(show).not.toHaveBeenCalled();
    expect(getPage).not.toHaveBeenCalled();
    expect(MAX_PRINT_PAGES).toBe(300);
  });
});
