// PDF.js's worker module, imported to run on the page's own thread (renderer/reports/pdf.ts).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
