import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // PDF.js (about 1.4 MB) is its own chunk, loaded from the disk when the first report is previewed.
    chunkSizeWarningLimit: 1600,
  },
});
