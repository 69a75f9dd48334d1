import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://localhost:8080';
const proxy = {
  '/api': server,
  '/socket.io': { target: server, ws: true },
};

/**
 * Builds the demo page the server serves at /demo (index.html) and `switchboard-widget.js`, an ES
 * module another site can import to mount the widget itself.
 */
export default defineConfig({
  root: here,
  base: '/demo/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser with shadow DOM and ES2022 supports modulepreload's fallback well enough.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: `${here}index.html`,
        'switchboard-widget': `${here}src/index.ts`,
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'switchboard-widget' ? 'switchboard-widget.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { port: 5174, proxy },
  preview: { port: 4174, proxy },
});
