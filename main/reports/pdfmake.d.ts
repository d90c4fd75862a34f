// Minimal types for the parts of pdfmake 0.3 (server build) that the report engine uses.
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold?: string; italics?: string; bolditalics?: string };
  /** pdfmake's PDFDocument, a pdfkit document; structurally a PdfKitDocument of pdf-glyphs.ts. */
  interface PdfKitDoc {
    ref(data?: Record<string, unknown>): {
      data: Record<string, unknown>;
      write(chunk: Buffer): void;
      end(): void;
    };
    addContent(data: string): unknown;
    addPage(options?: Record<string, unknown>): unknown;
    // pdfkit's vector graphics, used by the report layout for rules and cell backgrounds only.
    save(): PdfKitDoc;
    restore(): PdfKitDoc;
    rect(x: number, y: number, w: number, h: number): PdfKitDoc;
    moveTo(x: number, y: number): PdfKitDoc;
    lineTo(x: number, y: number): PdfKitDoc;
    lineWidth(w: number): PdfKitDoc;
    strokeColor(color: string): PdfKitDoc;
    fillColor(color: string): PdfKitDoc;
    stroke(): PdfKitDoc;
    fill(): PdfKitDoc;
    page: { fonts: Record<string, unknown>; width: number; height: number };
    end(): unknown;
    /** pdfkit's document is a readable stream of the PDF's bytes: a long report is written as it goes. */
    on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDoc;
    on(event: 'end', listener: () => void): PdfKitDoc;
    on(event: 'error', listener: (error: Error) => void): PdfKitDoc;
  }
  interface OutputDocument {
    /** The pdfkit document after pdfmake has laid out and rendered the content (before end()). */
    getStream(): Promise<PdfKitDoc>;
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(docDefinition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
