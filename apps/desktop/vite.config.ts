import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Where `npm run dev` finds the API: the server's default port unless SWITCHBOARD_API_URL says
 * otherwise. The server refuses cookies and sockets from origins it does not know, so start it
 * with ALLOWED_ORIGINS=http://localhost:5173 for the dev server.
 */
const API_TARGET = process.env.SWITCHBOARD_API_URL ?? 'http://localhost:8080';

const proxy = {
  '/api': { target: API_TARGET },
  // Socket.IO starts with HTTP long-polling and upgrades to a WebSocket: proxy both.
  '/socket.io': { target: API_TARGET, ws: true },
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
