import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what the server serves: they would publish the whole source (issue 17).
    sourcemap: false,
  },
  server: {
    // `pnpm dev`: the API runs on the server's port; the SPA's dev server forwards to it.
    proxy: { '/trpc': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
