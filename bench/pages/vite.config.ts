/**
 * The benchmark's baseline pages, built into dist/bench/ next to the production build, so that
 * one `vite preview` serves the app and its baselines from the same origin (the demo backend's
 * service worker at /mockServiceWorker.js serves both). Built by the render suite itself.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/bench/',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: here('../../dist/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: { maplibre: here('maplibre.html'), deck: here('deck.html') } },
  },
});
