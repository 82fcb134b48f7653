import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

export const config = defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    proxy: { '/api': backend, '/healthz': backend, '/readyz': backend },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});

export default config;
